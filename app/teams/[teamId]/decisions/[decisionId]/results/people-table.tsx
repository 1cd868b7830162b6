"use client";

/**
 * One page of the people list. A client component only so that the page carries each row's text
 * once rather than its markup a second time in the server-component payload; it renders on the
 * server like any other. Cell styles sit on the table.
 */
import { Link } from "@/app/_components/link";

export type PersonRow = { id: string; name: string; firstChoice: string; heaviest: string };

const table = ["w-full text-left text-sm", "[&_th]:py-2 [&_th]:pr-3 [&_th]:font-medium [&_td]:py-2 [&_td]:pr-3 [&_td:first-child]:font-medium"].join(" ");

export function PeopleTable({ rows, selectedId, pageQuery }: { rows: PersonRow[]; selectedId: string | null; pageQuery: string }) {
  return (
    <div className="scroll-cue relative overflow-x-auto">
      <table className={table} aria-labelledby="people-heading">
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Own first choice</th>
            <th scope="col">Weights most</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((m) => (
            <tr key={m.id} aria-current={m.id === selectedId ? "true" : undefined}>
              {/* The name opens the person's weights and scores: a column for a link of its own sat past the card's edge on a phone. */}
              <td>
                <Link href={`?person=${m.id}${pageQuery}#people-heading`} className="text-brand-600 hover:underline dark:text-brand-100">
                  {m.name}
                  <span className="sr-only"> (weights and scores)</span>
                </Link>
              </td>
              <td>{m.firstChoice}</td>
              <td>{m.heaviest}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
