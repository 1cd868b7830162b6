import { Table } from "@/app/_components/table";
import { Time } from "@/app/_components/time";
import { Badge, Card, CardTitle } from "@/app/_components/ui";
import { isWebhookEventType, WEBHOOK_TEST_EVENT } from "@/lib/domain/webhooks";
import { DELIVERY_LOG_SIZE, type WebhooksSectionData } from "@/lib/services/webhooks";

type Attempt = WebhooksSectionData["attempts"][number];

const eventName = (type: string) => (type === WEBHOOK_TEST_EVENT ? "Test event" : isWebhookEventType(type) ? type : "Other event");

function Outcome({ attempt }: { attempt: Attempt }) {
  if (attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300) {
    return <Badge tone="good">{attempt.statusCode} delivered</Badge>;
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone="bad">{attempt.statusCode !== null ? `${attempt.statusCode} failed` : "Failed"}</Badge>
      {attempt.error ? <span className="text-slate-600 dark:text-slate-400">{attempt.error}</span> : null}
    </span>
  );
}

/**
 * The latest attempts across the team's webhooks, newest first: when, how it went and what comes
 * next first, so a phone shows them before the table scrolls sideways.
 */
export function DeliveryLogSection({ attempts }: { attempts: WebhooksSectionData["attempts"] }) {
  return (
    <Card aria-labelledby="delivery-log-heading">
      <CardTitle id="delivery-log-heading">Delivery log</CardTitle>
      {attempts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing sent yet. Send a test event to see one here.</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            The latest {DELIVERY_LOG_SIZE} attempts, newest first. Reload the page to see new ones.
          </p>
          <Table
            labelledBy="delivery-log-heading"
            scrollRegionLabel="Delivery log, scrolls sideways"
            columns={[{ label: "Time" }, { label: "Outcome" }, { label: "Attempt" }, { label: "Next retry" }, { label: "Event" }, { label: "Webhook" }]}
          >
            {attempts.map((attempt) => (
              <tr key={attempt.id}>
                <td className="min-w-28 py-2 pr-4">
                  <Time date={attempt.at} />
                </td>
                <td className="min-w-40 py-2 pr-4">
                  <Outcome attempt={attempt} />
                </td>
                <td className="py-2 pr-4">{attempt.attempt}</td>
                <td className="min-w-28 py-2 pr-4 text-slate-600 dark:text-slate-400">
                  {attempt.nextAttemptAt ? <Time date={attempt.nextAttemptAt} /> : "None"}
                </td>
                <td className="py-2 pr-4 font-mono text-xs whitespace-nowrap">{eventName(attempt.eventType)}</td>
                <td className="max-w-48 truncate py-2 font-mono text-xs">{new URL(attempt.webhookUrl).host}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </Card>
  );
}
