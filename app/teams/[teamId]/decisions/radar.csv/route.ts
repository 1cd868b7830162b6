import { z } from "zod";
import { getDb } from "@/db";
import { loadTeamRadar } from "@/db/queries/exports";
import { currentUser } from "@/lib/auth/session";
import { CONTENT_TYPES, downloadResponse, errorResponse, textResponse } from "@/lib/exports/http";
import { DEFAULT_NEW_WITHIN_DAYS, formatRadarCsv, radarFilename } from "@/lib/exports/radar";
import { id } from "@/lib/validation/fields";

const query = z.object({
  newWithinDays: z.coerce.number().int().min(0).max(3650).default(DEFAULT_NEW_WITHIN_DAYS),
});

/**
 * GET /teams/:teamId/decisions/radar.csv[?newWithinDays=N]: the team's decided decisions as a CSV
 * that Thoughtworks' Build Your Own Radar reads. Any member of the team may download it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  let user;
  try {
    user = await currentUser();
  } catch (error) {
    return errorResponse(error);
  }
  if (!user) return textResponse(401, "Sign in to download the tech radar.");
  if (!id("team").safeParse(teamId).success) return textResponse(404, "That team does not exist, or you are not a member of it.");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return textResponse(400, "newWithinDays must be a whole number of days from 0 to 3650.");

  try {
    const { teamName, radar } = await loadTeamRadar(await getDb(), user.id, teamId, parsed.data.newWithinDays);
    return downloadResponse(formatRadarCsv(radar), radarFilename(teamName), CONTENT_TYPES.csv);
  } catch (error) {
    return errorResponse(error);
  }
}
