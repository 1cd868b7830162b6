/** One voter's ranking: a lower rank is preferred, equal ranks are a tie, null means "not ranked". */
export type BallotEntry = { optionId: string; rank: number | null };
export type Ballot = readonly BallotEntry[];

export type SchulzeResult = {
  /** Options no other option beats by strongest path. Empty when there are no ballots. */
  winners: string[];
  /**
   * Rank 1 is the winners; each later rank is the options no option left over defeats, with ties
   * sharing a rank (1, 1, 3). `beats` counts the options an option defeats by strongest path.
   * Empty when there are no ballots.
   */
  ranking: { optionId: string; rank: number; beats: number }[];
  /** pairwise[a][b]: ballots preferring a strictly over b. The diagonal is left out. */
  pairwise: Record<string, Record<string, number>>;
  /** strongestPaths[a][b]: strength of the widest path from a to b, counted in winning votes. */
  strongestPaths: Record<string, Record<string, number>>;
  /** Ballots that ranked at least one option. */
  ballots: number;
};

/**
 * Each ballot as a position per option, in `optionIds` order. Unranked options share position
 * Infinity, which puts them below every ranked option and level with each other. A ballot that
 * ranks nothing expresses no preference, so it is left out rather than counted as a full tie (which
 * would inflate every option's Borda points alike). Entries for options not in `optionIds` are
 * ignored, as a ballot may predate a change to the shortlist.
 */
export function ballotPositions(optionIds: readonly string[], ballots: readonly Ballot[]): number[][] {
  const optionIndex = new Map(optionIds.map((id, index) => [id, index]));
  const positions: number[][] = [];
  for (const ballot of ballots) {
    const ballotPositions = new Array<number>(optionIds.length).fill(Infinity);
    const seen = new Set<number>();
    let ranksAnything = false;
    for (const { optionId, rank } of ballot) {
      const index = optionIndex.get(optionId);
      if (index === undefined) continue;
      if (seen.has(index)) throw new RangeError(`A ballot lists option ${optionId} twice`);
      seen.add(index);
      if (rank === null) continue;
      if (!Number.isFinite(rank)) throw new RangeError(`A ballot gives option ${optionId} the rank ${rank}`);
      ballotPositions[index] = rank;
      ranksAnything = true;
    }
    if (ranksAnything) positions.push(ballotPositions);
  }
  return positions;
}

/** A square matrix of option × option numbers as nested records keyed by option id, without the diagonal. */
function matrixRecord(optionIds: readonly string[], cells: Float64Array): Record<string, Record<string, number>> {
  const size = optionIds.length;
  // fromEntries defines own properties, so an id such as "__proto__" stays an ordinary key.
  return Object.fromEntries(
    optionIds.map((rowId, row) => [
      rowId,
      Object.fromEntries(optionIds.flatMap((columnId, column) => (row === column ? [] : [[columnId, cells[row * size + column]!]]))),
    ]),
  );
}

/**
 * The Schulze method with winning votes: a pairwise defeat is as strong as the number of voters who
 * supported it, and a path is as strong as its weakest defeat. Unlike a plain pairwise count it
 * always finds a winner set, even through a preference cycle.
 */
export function schulze(optionIds: readonly string[], ballots: readonly Ballot[]): SchulzeResult {
  const size = optionIds.length;
  const positions = ballotPositions(optionIds, ballots);
  const at = (row: number, column: number) => row * size + column;

  const preferring = new Float64Array(size * size);
  for (const ballot of positions) {
    for (let a = 0; a < size; a++) {
      const positionA = ballot[a]!;
      for (let b = 0; b < size; b++) {
        if (positionA < ballot[b]!) preferring[at(a, b)] = preferring[at(a, b)]! + 1;
      }
    }
  }

  const strongest = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) {
      if (a === b) continue;
      const forA = preferring[at(a, b)]!;
      if (forA > preferring[at(b, a)]!) strongest[at(a, b)] = forA;
    }
  }
  // Widest paths, Floyd–Warshall style: allow each option in turn as an intermediate step.
  for (let via = 0; via < size; via++) {
    for (let from = 0; from < size; from++) {
      if (from === via) continue;
      const toVia = strongest[at(from, via)]!;
      if (toVia === 0) continue;
      for (let to = 0; to < size; to++) {
        if (to === via || to === from) continue;
        const throughVia = Math.min(toVia, strongest[at(via, to)]!);
        if (throughVia > strongest[at(from, to)]!) strongest[at(from, to)] = throughVia;
      }
    }
  }

  const pairwise = matrixRecord(optionIds, preferring);
  const strongestPaths = matrixRecord(optionIds, strongest);
  if (positions.length === 0) return { winners: [], ranking: [], pairwise, strongestPaths, ballots: 0 };

  const defeats = (a: number, b: number) => strongest[at(a, b)]! > strongest[at(b, a)]!;
  const beats = optionIds.map((_, a) => optionIds.filter((__, b) => defeats(a, b)).length);

  // Peel off layers of options nothing left over defeats. Ranking by the count of options beaten
  // alone can contradict the winner set once ballots contain ties (A and C unbeaten, C beating B,
  // A beating nothing: by count C would stand alone at rank 1). Layers keep rank 1 equal to the
  // winners and still place every option below all options that defeat it. When the defeats form
  // a weak order, as in the usual case, layers and counts give the same ranking.
  const ranking: SchulzeResult["ranking"] = [];
  let remaining = optionIds.map((_, index) => index);
  while (remaining.length > 0) {
    const undefeated = remaining.filter((b) => !remaining.some((a) => defeats(a, b)));
    // Schulze's defeat relation is acyclic, so a layer is never empty; the guard only prevents a loop.
    const layer = undefeated.length > 0 ? undefeated : remaining;
    const rank = ranking.length + 1;
    for (const index of layer) ranking.push({ optionId: optionIds[index]!, rank, beats: beats[index]! });
    remaining = remaining.filter((index) => !layer.includes(index));
  }
  const winners = ranking.filter((entry) => entry.rank === 1).map((entry) => entry.optionId);

  return { winners, ranking, pairwise, strongestPaths, ballots: positions.length };
}
