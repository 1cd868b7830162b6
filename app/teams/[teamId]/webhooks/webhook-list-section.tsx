import { Badge, Card, CardTitle } from "@/app/_components/ui";
import { isWebhookEventType, WEBHOOK_EVENT_LABELS, WEBHOOK_FORMAT_LABELS, type WebhookFormat } from "@/lib/domain/webhooks";
import type { WebhooksSectionData } from "@/lib/services/webhooks";
import { DeleteWebhookForm, WebhookQuickActions } from "./webhook-forms";

/** The address as people recognise it: host and path, the query (often a token) left out. */
const shortAddress = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
};

export function WebhookListSection({ teamId, hooks }: { teamId: string; hooks: WebhooksSectionData["hooks"] }) {
  return (
    <Card aria-labelledby="webhooks-heading">
      <CardTitle id="webhooks-heading">Webhooks of this team</CardTitle>
      {hooks.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">None yet. Add one below to post this team&apos;s events to a chat channel or a service.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {hooks.map((hook, i) => {
            const label = `webhook ${i + 1} (${shortAddress(hook.url)})`;
            return (
              <li key={hook.id} className="space-y-3 py-4 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="min-w-0 font-mono text-sm break-all">{shortAddress(hook.url)}</h3>
                  <Badge tone={hook.enabled ? "good" : "warn"}>{hook.enabled ? "Active" : "Paused"}</Badge>
                </div>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-500 dark:text-slate-400">Format</dt>
                  <dd>{WEBHOOK_FORMAT_LABELS[hook.format as WebhookFormat] ?? hook.format}</dd>
                  <dt className="text-slate-500 dark:text-slate-400">Events</dt>
                  <dd>
                    <ul className="list-inside list-disc">
                      {hook.eventTypes.map((type) => (
                        <li key={type}>{isWebhookEventType(type) ? WEBHOOK_EVENT_LABELS[type] : type}</li>
                      ))}
                    </ul>
                  </dd>
                </dl>
                <WebhookQuickActions teamId={teamId} webhookId={hook.id} label={label} enabled={hook.enabled} />
                <DeleteWebhookForm teamId={teamId} webhookId={hook.id} label={label} />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
