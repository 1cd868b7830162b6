import { z } from "zod";
import { loadTeamRadar } from "@/db/queries/exports";
import { teamRoute } from "@/lib/entry/routes";
import { CONTENT_TYPES, downloadResponse, textResponse } from "@/lib/exports/http";
import { DEFAULT_NEW_WITHIN_DAYS, formatRadarCsv, radarFilename } from "@/lib/exports/radar";

const query = z.object({
  newWithinDays: z.coerce.number().int().min(0).max(3650).default(DEFAULT_NEW_WITHIN_DAYS),
});

/**
 * GET /teams/:teamId/decisions/radar.csv[?newWithinDays=N]: the team's decided decisions as a CSV
 * that Thoughtworks' Build Your Own Radar reads. Any member of the team may download it.
 */
export const GET = teamRoute<{ teamId: string }, "team.view">("team.view", "Sign in to download the tech radar.", async (request, view) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return textResponse(400, "newWithinDays must be a whole number of days from 0 to 3650.");
  const { teamName, radar } = await loadTeamRadar(view.db, view.teamId, parsed.data.newWithinDays);
  return downloadResponse(formatRadarCsv(radar), radarFilename(teamName), CONTENT_TYPES.csv);
});
