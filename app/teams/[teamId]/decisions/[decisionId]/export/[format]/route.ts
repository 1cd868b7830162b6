import { getDb } from "@/db";
import { loadDecisionExport } from "@/db/queries/exports";
import { currentUser } from "@/lib/auth/session";
import { decisionJsonFilename, formatDecisionJson } from "@/lib/exports/decision-json";
import { CONTENT_TYPES, downloadResponse, errorResponse, isExportFormat, textResponse, UNKNOWN_FORMAT_MESSAGE } from "@/lib/exports/http";
import { formatMadr, madrFilename } from "@/lib/exports/madr";
import { formatScoresCsv, scoresCsvFilename, scoresCsvUnavailable } from "@/lib/exports/scores-csv";
import { id } from "@/lib/validation/fields";

/**
 * GET /teams/:teamId/decisions/:decisionId/export/:format, format = madr | json | csv.
 * Authorised as the decision's pages are: signed in, ids well formed, member of the team; anyone
 * else learns nothing (404, the same as for a decision that does not exist).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ teamId: string; decisionId: string; format: string }> }) {
  const { teamId, decisionId, format } = await params;
  let user;
  try {
    user = await currentUser();
  } catch (error) {
    return errorResponse(error);
  }
  if (!user) return textResponse(401, "Sign in to download this export.");
  if (!id("team").safeParse(teamId).success || !id("decision").safeParse(decisionId).success) {
    return textResponse(404, "That decision does not exist in this team.");
  }
  if (!isExportFormat(format)) return textResponse(404, UNKNOWN_FORMAT_MESSAGE(format));

  let doc;
  try {
    doc = await loadDecisionExport(await getDb(), user.id, teamId, decisionId);
  } catch (error) {
    return errorResponse(error);
  }

  switch (format) {
    case "madr":
      return downloadResponse(formatMadr(doc), madrFilename(doc), CONTENT_TYPES.madr);
    case "json":
      return downloadResponse(formatDecisionJson(doc), decisionJsonFilename(doc), CONTENT_TYPES.json);
    case "csv": {
      const unavailable = scoresCsvUnavailable(doc);
      if (unavailable) return textResponse(409, unavailable);
      return downloadResponse(formatScoresCsv(doc), scoresCsvFilename(doc), CONTENT_TYPES.csv);
    }
  }
}
