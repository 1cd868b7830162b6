import { sql } from "../db";

/** A 100-row table from one query: one member's cells of one decision. */
export default async function Table({ searchParams }: { searchParams: Promise<{ d?: string; u?: string }> }) {
  const { d, u } = await searchParams;
  const rows = await sql()<{ option_id: string; criterion_id: string; score: number }[]>`
    select option_id, criterion_id, score from scores where decision_id = ${d ?? ""} and user_id = ${u ?? ""} and round = 1 order by option_id, criterion_id limit 100`;
  return (
    <main>
      <h1>Scores</h1>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.option_id}.${r.criterion_id}`}>
              <td>{r.option_id}</td>
              <td>{r.criterion_id}</td>
              <td>{r.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
