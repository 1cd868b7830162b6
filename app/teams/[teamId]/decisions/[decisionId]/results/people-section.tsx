import { Link } from "@/app/_components/link";
import { Card, CardTitle } from "@/app/_components/ui";
import type { Named } from "@/db/queries/results";
import type { Tally } from "@/lib/domain/tally";
import type { ResultsPerson } from "@/lib/services/results-page";
import { PeopleTable } from "./people-table";
import { type PersonScoresData, PersonScores } from "./person-scores";

/** People listed per page, so the page stays the same size however large the team. */
export const PEOPLE_PER_PAGE = 25;

const pct = (value: number) => `${Math.round(value * 100)}%`;

type Props = {
  members: Named[];
  person: ResultsPerson | null;
  tally: Tally;
  criteria: Named[];
  optionName: Map<string, string>;
  /** The `people` query parameter: the page of the list, from 1. */
  page?: string;
};

/** The page asked for, within range; anything unreadable is the first page. */
export function peoplePage(asked: string | undefined, count: number): number {
  const last = Math.max(1, Math.ceil(count / PEOPLE_PER_PAGE));
  const page = Number(asked);
  return Number.isInteger(page) && page >= 1 ? Math.min(page, last) : 1;
}

/** Each person's weights and scores by name: shown only after the reveal, never for anonymous decisions. */
export function PeopleSection({ members, person, tally, criteria, optionName, page: asked }: Props) {
  const page = peoplePage(asked, members.length);
  const first = (page - 1) * PEOPLE_PER_PAGE;
  const listed = members.slice(first, first + PEOPLE_PER_PAGE);
  const pageQuery = (n: number) => (n > 1 ? `&people=${n}` : "");
  const firstChoice = (memberId: string) =>
    (tally.memberRankings[memberId] ?? [])
      .filter((r) => r.rank === 1)
      .map((r) => optionName.get(r.optionId))
      .join(" and ") || "—";
  const heaviest = (memberId: string) => {
    const weights = tally.memberWeights[memberId];
    if (!weights) return "—";
    const top = Math.max(...Object.values(weights));
    return criteria
      .filter((c) => weights[c.id] === top)
      .map((c) => c.name)
      .join(", ");
  };

  return (
    <Card aria-labelledby="people-heading">
      <CardTitle id="people-heading">Each person’s weights and scores</CardTitle>
      {person ? <PersonDetail person={person} tally={tally} criteria={criteria} optionName={optionName} /> : null}
      <PeopleTable
        rows={listed.map((m) => ({ id: m.id, name: m.name, firstChoice: firstChoice(m.id), heaviest: heaviest(m.id) }))}
        selectedId={person?.member.id ?? null}
        pageQuery={pageQuery(page)}
      />
      {members.length > PEOPLE_PER_PAGE ? (
        <nav aria-label="Pages of people" className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <span className="text-slate-600 dark:text-slate-400">{`People ${first + 1}–${first + listed.length} of ${members.length}`}</span>
          {page > 1 ? (
            <Link href={`?people=${page - 1}#people-heading`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
              Previous {PEOPLE_PER_PAGE}
            </Link>
          ) : null}
          {first + listed.length < members.length ? (
            <Link href={`?people=${page + 1}#people-heading`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
              Next {Math.min(PEOPLE_PER_PAGE, members.length - first - listed.length)}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Card>
  );
}

/** A person's scores as digits per option, and the cells they commented on or gave evidence for. */
export function personScoresData(options: Named[], criteria: Named[], scores: ResultsPerson["scores"]): PersonScoresData {
  const optionIndex = new Map(options.map((o, i) => [o.id, i]));
  const criterionIndex = new Map(criteria.map((c, i) => [c.id, i]));
  const grid = options.map(() => Array<number>(criteria.length).fill(0));
  const notes: PersonScoresData["notes"] = [];
  for (const s of scores) {
    const o = optionIndex.get(s.optionId);
    const c = criterionIndex.get(s.criterionId);
    if (o === undefined || c === undefined) continue;
    grid[o]![c] = s.score;
    if (s.comment || s.evidenceUrl) notes.push([o, c, s.comment || null, s.evidenceUrl || null]);
  }
  return { options: options.map((o) => o.name), criteria: criteria.map((c) => c.name), grid: grid.map((row) => row.join("")), notes };
}

function PersonDetail({ person, tally, criteria, optionName }: Pick<Props, "tally" | "criteria" | "optionName"> & { person: ResultsPerson }) {
  const { member, scores } = person;
  const weights = tally.memberWeights[member.id];
  const ranking = tally.memberRankings[member.id] ?? [];
  const optionList = [...optionName].map(([id, name]) => ({ id, name }));
  return (
    <section
      aria-labelledby="person-heading"
      className="mb-6 rounded-lg border border-brand-100 bg-brand-50/50 p-4 dark:border-brand-700/40 dark:bg-brand-700/10"
    >
      <h3 id="person-heading" className="mb-3 font-semibold">
        {member.name}
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h4 className="mb-1 text-sm font-semibold">Weights</h4>
          {weights ? (
            <ul className="text-sm">
              {criteria.map((c) => (
                <li key={c.id}>
                  {c.name}: {pct(weights[c.id] ?? 0)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No weights given.</p>
          )}
        </div>
        <div>
          <h4 className="mb-1 text-sm font-semibold">Own ranking (with the group’s weights)</h4>
          <ol className="text-sm">
            {ranking.map((r) => (
              <li key={r.optionId}>
                {r.rank ?? "—"}. {optionName.get(r.optionId)} {r.score === null ? "" : `(${r.score.toFixed(1)})`}
              </li>
            ))}
          </ol>
        </div>
      </div>
      {scores.length > 0 ? (
        <>
          <h4 id="person-scores-heading" className="mb-1 mt-4 text-sm font-semibold">
            Scores
          </h4>
          <PersonScores data={personScoresData(optionList, criteria, scores)} />
        </>
      ) : null}
    </section>
  );
}
