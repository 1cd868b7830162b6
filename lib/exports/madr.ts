import { STATUS_LABELS } from "../domain/phases";
import type { DecisionJson } from "./decision-json";
import type { RootContent } from "mdast";
import { bulletList, fileLink, heading, items, line, type Phrasing, paragraph, paragraphs, serialise, table, text, webLink, yamlString } from "./markdown";
import { reviewBlocks } from "./madr-review";
import { adrNumber, fixed, isoDay, oneLine, percent, slugify } from "./text";

// The decision as an architecture decision record in MADR 4 form (https://adr.github.io/madr/),
// ready to commit as docs/decisions/NNNN-title.md. Built only from the JSON document, so the two
// exports always tell the same story; what the JSON leaves out while sealed or anonymous, this
// cannot show either.

/** "0003-backend-framework-for-the-payments-api.md": the ADR number is the decision's place in the team's log. */
export function madrFilename(doc: Pick<DecisionJson, "decision">): string {
  return `${adrNumber(doc.decision.number)}-${slugify(doc.decision.title)}.md`;
}

const points = (score: number | null) => (score === null ? "no score" : `${fixed(score, 1)} of 100`);

function frontMatterStatus(doc: DecisionJson): string {
  const by = doc.decision.supersededBy;
  if (doc.decision.adrStatus === "superseded" && by) return `superseded by ADR-${adrNumber(by.number)}`;
  return doc.decision.adrStatus;
}

/** Who took part: the facilitator first, then the members whose inputs count, then whoever recorded it. */
export function decisionMakers(doc: DecisionJson): string[] {
  if (doc.decision.anonymous) {
    const n = doc.members.length;
    return [doc.sealed || n === 0 ? "Team members (anonymous vote)" : `${n} team member${n === 1 ? "" : "s"} (anonymous vote)`];
  }
  const names: string[] = [];
  const add = (name: string | null | undefined) => {
    if (name && !names.includes(name)) names.push(name);
  };
  add(doc.decision.facilitator);
  for (const m of doc.members) add(m.name);
  add(doc.outcome?.decidedBy);
  return names;
}

function frontMatter(doc: DecisionJson): string {
  const date = isoDay(doc.outcome?.decidedAt ?? doc.decision.createdAt);
  const makers = decisionMakers(doc);
  return [
    "---",
    `status: ${yamlString(frontMatterStatus(doc))}`,
    `date: ${date}`,
    makers.length === 0 ? "decision-makers: []" : `decision-makers:\n${makers.map((m) => `  - ${yamlString(m)}`).join("\n")}`,
    "---",
  ].join("\n");
}

type Block = RootContent;

function contextSection(doc: DecisionJson): Block[] {
  const problem = paragraphs(doc.decision.context);
  const recorded = doc.outcome ? paragraphs(doc.outcome.record.context) : [];
  const same = JSON.stringify(recorded) === JSON.stringify(problem);
  const parts = [...problem, ...(same ? [] : recorded)];
  if (parts.length === 0) parts.push(paragraph(text("No context was written for this decision.")));
  return [heading(2, text("Context and Problem Statement")), ...parts];
}

function driversSection(doc: DecisionJson): Block[] {
  const weights = doc.tally?.groupWeights;
  const lines = doc.criteria.map((c): Phrasing[] => {
    const share = weights && Object.hasOwn(weights, c.id) ? ` (group weight ${percent(weights[c.id]!)})` : "";
    const description = c.description.trim() ? `: ${oneLine(c.description)}` : "";
    return [text(`${oneLine(c.name)}${share}${description}`)];
  });
  let note: string;
  if (doc.sealed) note = "The members' weights stay sealed until the reveal, so the criteria are listed without them.";
  else if (doc.tally?.weightsFallback) note = "Nobody gave usable weights, so every criterion counted the same.";
  else note = "A criterion's group weight is the mean of the members' own weights, each member's scaled to add up to 100%.";
  return [heading(2, text("Decision Drivers")), lines.length > 0 ? bulletList(lines) : paragraph(text("No criteria were set.")), paragraph(text(note))];
}

function optionsSection(doc: DecisionJson): Block[] {
  const lines = doc.options.map((o) => [line(o.name)]);
  return [heading(2, text("Considered Options")), lines.length > 0 ? bulletList(lines) : paragraph(text("No options were shortlisted."))];
}

const quoted = (name: string) => `"${oneLine(name)}"`;

function names(ids: readonly string[], doc: DecisionJson): string {
  const list = ids.map((id) => quoted(doc.options.find((o) => o.id === id)?.name ?? id));
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

function outcomeSection(doc: DecisionJson): Block[] {
  const parts: Block[] = [heading(2, text("Decision Outcome"))];
  const tally = doc.tally;
  const scoreOf = (id: string) => tally?.options.find((o) => o.optionId === id)?.score ?? null;
  if (doc.outcome && tally) {
    const chosen = doc.outcome.chosenOptionId;
    const others = tally.winners.filter((id) => id !== chosen);
    let because: string;
    if (doc.outcome.topRanked && others.length === 0) {
      because = `it ranked first in the team's weighted scoring, with ${points(scoreOf(chosen))}`;
    } else if (doc.outcome.topRanked) {
      because = `it tied for first place in the team's weighted scoring with ${names(others, doc)}, at ${points(scoreOf(chosen))}, and the team preferred it`;
    } else {
      because = `the team judged it the better fit, although the weighted scoring ranked ${names(tally.winners, doc)} first (${points(scoreOf(tally.winners[0] ?? ""))}, against ${points(scoreOf(chosen))}); the justification follows`;
    }
    parts.push(paragraph(text(`Chosen option: ${quoted(doc.outcome.chosenOptionName)}, because ${because}.`)));
    if (doc.outcome.record.justification) {
      parts.push(paragraph(text("Justification for not choosing the top-ranked option:")), ...paragraphs(doc.outcome.record.justification));
    }
    parts.push(...paragraphs(doc.outcome.record.decision));
    if (!tally.crossCheck.agrees && tally.crossCheck.disagreements.length > 0) {
      parts.push(
        paragraph(text("The ranked cross-checks disagree with the weighted scoring:")),
        bulletList(tally.crossCheck.disagreements.map((d) => [line(d)])),
      );
    }
    const good = items(doc.outcome.record.consequencesGood).map((l) => [text(`Good, because ${oneLine(l)}`)]);
    const bad = items(doc.outcome.record.consequencesBad).map((l) => [text(`Bad, because ${oneLine(l)}`)]);
    parts.push(
      heading(3, text("Consequences")),
      good.length + bad.length > 0 ? bulletList([...good, ...bad]) : paragraph(text("No consequences were written down.")),
    );
    for (const amendment of doc.outcome.amendments) {
      parts.push(
        heading(3, text(`Amendment of ${isoDay(amendment.at)}${amendment.by ? ` by ${oneLine(amendment.by)}` : ""}`)),
        ...paragraphs(amendment.text),
        paragraph(text(`Why: ${oneLine(amendment.reason)}`)),
      );
    }
    parts.push(...reviewBlocks(doc.outcome.review));
  } else if (doc.decision.status === "withdrawn") {
    parts.push(paragraph(text("No option was chosen: the decision was withdrawn.")));
  } else {
    parts.push(paragraph(text(`No option has been chosen yet: the decision is in its ${STATUS_LABELS[doc.decision.status].toLowerCase()} phase.`)));
    if (tally && tally.winners.length > 0) {
      parts.push(paragraph(text(`The weighted scoring so far ranks ${names(tally.winners, doc)} first, with ${points(scoreOf(tally.winners[0]!))}.`)));
    }
  }
  return parts;
}

/** Members' comments on high (4–5) and low (1–2) scores, with a neutral line for a commented 3. */
function prosAndConsSection(doc: DecisionJson): Block[] {
  const round = doc.rounds.find((r) => r.round === doc.round);
  const memberName = new Map(doc.members.map((m) => [m.id, m.name]));
  const criterionName = new Map(doc.criteria.map((c) => [c.id, c.name]));
  const criterionIndex = new Map(doc.criteria.map((c, i) => [c.id, i]));
  const memberIndex = new Map(doc.members.map((m, i) => [m.id, i]));
  const sections = doc.options.flatMap((o): Block[] => {
    const blocks: Block[] = [heading(3, line(o.name))];
    if (o.description.trim()) blocks.push(paragraph(line(o.description)));
    if (o.link) blocks.push(paragraph(text("More information: "), webLink(o.link)));
    if (doc.sealed) return [...blocks, paragraph(text("The members' scores and comments stay sealed until the reveal."))];
    const commented = (round?.scores ?? [])
      .filter((s) => s.optionId === o.id && s.comment && s.comment.trim().length > 0)
      .sort(
        (a, b) =>
          (criterionIndex.get(a.criterionId) ?? 0) - (criterionIndex.get(b.criterionId) ?? 0) ||
          b.score - a.score ||
          (memberIndex.get(a.memberId ?? "") ?? 0) - (memberIndex.get(b.memberId ?? "") ?? 0),
      );
    const item = (kind: string, s: (typeof commented)[number]): Phrasing[] => {
      const who = doc.decision.anonymous || s.memberId === null ? "" : ` by ${oneLine(memberName.get(s.memberId) ?? "a member")}`;
      const about = `${kind}, because ${oneLine(s.comment!)} (${oneLine(criterionName.get(s.criterionId) ?? "a criterion")}: scored ${s.score} of 5${who}`;
      return s.evidenceUrl ? [text(`${about}; evidence: `), webLink(s.evidenceUrl), text(")")] : [text(`${about})`)];
    };
    const good = commented.filter((s) => s.score >= 4).map((s) => item("Good", s));
    const neutral = commented.filter((s) => s.score === 3).map((s) => item("Neutral", s));
    const bad = commented.filter((s) => s.score <= 2).map((s) => item("Bad", s));
    const all = [...good, ...neutral, ...bad];
    return [...blocks, all.length > 0 ? bulletList(all) : paragraph(text("No member commented on a score of this option."))];
  });
  const intro = doc.sealed
    ? "Filled in from the members' comments on their scores once the results are revealed."
    : `From the members' comments on their scores${doc.rounds.length > 1 ? ` in round ${doc.round}` : ""}: good for a score of 4 or 5, bad for 1 or 2, neutral for 3.${doc.decision.anonymous ? " The decision is anonymous, so no comment names its author." : ""}`;
  return [heading(2, text("Pros and Cons of the Options")), paragraph(text(intro)), ...sections];
}

function moreInformationSection(doc: DecisionJson): Block[] {
  const parts: Block[] = [heading(2, text("More Information"))];
  const by = doc.decision.supersededBy;
  if (by) {
    const file = madrFilename({ decision: { ...doc.decision, number: by.number, title: by.title } });
    parts.push(paragraph(text("Superseded by "), fileLink(file, text(`ADR-${adrNumber(by.number)}: ${oneLine(by.title)}`)), text(".")));
  }
  if (doc.decision.adrStatus === "deprecated" && doc.decision.deprecatedAt) parts.push(paragraph(text(`Deprecated on ${isoDay(doc.decision.deprecatedAt)}.`)));
  const tally = doc.tally;
  if (tally && tally.options.length > 0) {
    const heading = `Weighted ranking${doc.rounds.length > 1 ? ` (round ${doc.round} of ${doc.rounds.length})` : ""}, each option's score being the sum over the criteria of group weight × mean score, on 0–100:`;
    const rows = tally.options.map((o) =>
      [String(o.rank ?? "–"), oneLine(o.name), o.score === null ? "–" : fixed(o.score, 1), percent(o.coverage)].map((v) => [text(v)]),
    );
    parts.push(paragraph(text(heading)), table(["right", null, "right", "right"], ["Rank", "Option", "Score", "Coverage"], rows));
    if (tally.consensus) parts.push(paragraph(text(`Agreement among the members: ${percent(tally.consensus.value)} (${tally.consensus.label}).`)));
  }
  const recorded: string[] = [];
  if (doc.outcome) {
    recorded.push(`Decided on ${isoDay(doc.outcome.decidedAt)}${doc.outcome.decidedBy ? `, recorded by ${oneLine(doc.outcome.decidedBy)}` : ""}.`);
  }
  recorded.push(`Exported from Verdict, decision ${doc.decision.id}; the JSON export of the same decision holds every input and the full history.`);
  if (doc.chain) {
    recorded.push(
      `When exported, the team's history had ${doc.chain.events} chained events, the latest with hash ${doc.chain.head}; \`npm run history:verify -- --contains <hash>\` checks it against the live history.`,
    );
  }
  parts.push(paragraph(text(recorded.join(" "))));
  return parts;
}

/** The ADR as markdown: LF line endings, one trailing newline, the same bytes for the same document. */
export function formatMadr(doc: DecisionJson): string {
  const body = serialise([
    heading(1, line(doc.decision.title)),
    ...contextSection(doc),
    ...driversSection(doc),
    ...optionsSection(doc),
    ...outcomeSection(doc),
    ...prosAndConsSection(doc),
    ...moreInformationSection(doc),
  ]);
  return `${frontMatter(doc)}\n\n${body.replace(/\n+$/, "")}\n`;
}
