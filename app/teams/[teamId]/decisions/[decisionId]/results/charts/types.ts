/**
 * The compact figures the results charts draw, built on the server from the tally (see `data.ts`).
 * Arrays, not keyed objects, and rounded numbers, so the part handed to the browser stays small even
 * for 200 members; raw scores never leave the server.
 */

/** One bar per option, in rank order, stacked by each criterion's points (they add up to `score`). */
export type RankingData = {
  criteria: string[];
  rows: { name: string; rank: number | null; score: number | null; parts: (number | null)[] }[];
};

/** Mean score (1..5) per criterion of the top options. */
export type ProfileData = {
  criteria: string[];
  series: { name: string; means: (number | null)[] }[];
};

/**
 * Weights in percent. `members[criterion]` lists every weighing member's weight for that criterion:
 * in member order with `names` for open decisions; each list sorted on its own, with no names, for
 * anonymous ones, so no row can be followed across criteria back to one person.
 *
 * Beyond a page of members each list is cut to its distinct weights, lowest first, and `counts`
 * says how many members gave each (no names): a thousand dots per criterion say no more than that.
 */
export type WeightsData = {
  criteria: string[];
  group: number[];
  members: number[][];
  names: string[] | null;
  fallback: boolean;
  /** counts[criterion][i]: members who gave members[criterion][i]; absent when every member has a dot. */
  counts?: number[][];
};

/**
 * Where the team splits. Open decisions: each member's own 0..100 total per option, rows grouped by
 * the member's own first choice. Anonymous decisions: never per person, only the spread (standard
 * deviation on 1..5) of each option × criterion cell.
 */
export type SplitData =
  | {
      kind: "members";
      options: string[];
      rows: { name: string; totals: (number | null)[]; firstChoice: number | null }[];
    }
  | {
      /**
       * Open decisions beyond a page of people: one row per camp, the people sharing an own first
       * choice, with their mean own total per option; the summary is worded from everyone's rows.
       */
      kind: "camps";
      options: string[];
      people: number;
      summary: string;
      rows: { firstChoice: number | null; count: number; totals: (number | null)[] }[];
    }
  | {
      kind: "spread";
      options: string[];
      criteria: string[];
      /** criteria × options; null below two scores. */
      sd: (number | null)[][];
    };

export type ChartData = {
  /** False when nobody scored any option: only the weights can be drawn. */
  scored: boolean;
  ranking: RankingData;
  profile: ProfileData;
  weights: WeightsData;
  split: SplitData;
};
