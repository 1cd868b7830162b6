import { loadDecisionExport } from "@/db/queries/exports";
import { decisionRoute } from "@/lib/entry/routes";
import { decisionJsonFilename, formatDecisionJson } from "@/lib/exports/decision-json";
import { CONTENT_TYPES, downloadResponse, isExportFormat, textResponse, UNKNOWN_FORMAT_MESSAGE } from "@/lib/exports/http";
import { formatMadr, madrFilename } from "@/lib/exports/madr";
import { formatScoresCsv, scoresCsvFilename, scoresCsvUnavailable } from "@/lib/exports/scores-csv";

/** GET /teams/:teamId/decisions/:decisionId/export/:format, format = madr | json | csv: for any member of the team. */
export const GET = decisionRoute<{ teamId: string; decisionId: string; format: string }, "decision.view">(
  "decision.view",
  "Sign in to download this export.",
  async (_request, view, { format }) => {
    if (!isExportFormat(format)) return textResponse(404, UNKNOWN_FORMAT_MESSAGE(format));
    const doc = await loadDecisionExport(view.db, view.decision);
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
  },
);
