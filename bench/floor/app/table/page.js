import { headers } from "next/headers";
import { decisionId, sql } from "../../db.js";

/** The page floor: one member's 100 cells, read in one query, rendered as a table. No auth, no layout work. */
export default async function Table() {
  const member = (await headers()).get("x-bench-member");
  const rows = await sql`
    select o.name as option, c.name as criterion, s.score, s.comment
    from scores s
    join options o on o.id = s.option_id
    join criteria c on c.id = s.criterion_id
    where s.decision_id = ${decisionId()} and s.round = 1 and s.user_id = ${member}
    order by o.position, c.position`;
  return (
    <main>
      <h1>Scores</h1>
      <table>
        <thead>
          <tr>
            <th>Option</th>
            <th>Criterion</th>
            <th>Score</th>
            <th>Comment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.option}.${row.criterion}`}>
              <td>{row.option}</td>
              <td>{row.criterion}</td>
              <td>{row.score}</td>
              <td>{row.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{`${rows.length} cells`}</p>
    </main>
  );
}
