import { parseArgs } from "node:util";
import { openDb } from "../db/client";
import { allTeams, eventWithHash } from "../db/queries/history";
import { configuredTarget, describeTarget } from "../db/target";
import { CHAIN_BREAK_WORDS } from "../lib/domain/history-chain";
import { verifyTeamHistory } from "../lib/services/history";

// `npm run history:verify`: walks every team's history chain and names the first event that does
// not hold. `--contains <hash>` also says whether a hash carried by an export is in a chain, and
// whether that chain holds up to it. Exits 1 when anything is broken or the hash is not found.
const { values } = parseArgs({ options: { contains: { type: "string" } }, strict: true });
const target = configuredTarget();
const handle = await openDb(target);
let failed = false;
try {
  console.log(`Checking the history on ${describeTarget(target)}`);
  for (const team of await allTeams(handle.db)) {
    const verdict = await verifyTeamHistory(handle.db, team.id);
    const through = verdict.intactThrough ? verdict.intactThrough.toISOString() : "the start";
    if (!verdict.broken) {
      console.log(`  intact   ${team.name}: ${verdict.intactCount} events, up to ${through}, head ${verdict.headHash || "(none)"}`);
      continue;
    }
    failed = true;
    const where =
      verdict.broken.eventId === null ? "at its end" : `at event ${verdict.broken.eventId}${verdict.broken.at ? ` (${verdict.broken.at.toISOString()})` : ""}`;
    console.log(`  BROKEN   ${team.name}: ${where}: ${CHAIN_BREAK_WORDS[verdict.broken.reason]}. Intact for ${verdict.intactCount} events, up to ${through}.`);
  }
  if (values.contains) {
    const hash = values.contains.trim().toLowerCase();
    const event = /^[0-9a-f]{64}$/.test(hash) ? await eventWithHash(handle.db, hash) : null;
    if (!event) {
      failed = true;
      console.log(`The hash ${hash} is in no team's history.`);
    } else {
      const verdict = await verifyTeamHistory(handle.db, event.teamId);
      const holds = verdict.intactCount >= Number(event.teamSeq);
      if (!holds) failed = true;
      console.log(
        `The hash is event ${event.id}, number ${event.teamSeq} of its team's history (${event.createdAt.toISOString()}); ` +
          (holds ? "the chain holds up to it." : "the chain is broken before it."),
      );
    }
  }
} finally {
  await handle.close();
}
process.exit(failed ? 1 : 0);
