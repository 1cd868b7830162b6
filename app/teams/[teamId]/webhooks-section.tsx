import { Link } from "@/app/_components/link";
import { Card, CardTitle } from "@/app/_components/ui";

/** For owners and admins: where the team's webhooks are set up and their delivery log read. */
export function WebhooksSection({ teamId }: { teamId: string }) {
  return (
    <Card aria-labelledby="team-webhooks-heading">
      <CardTitle id="team-webhooks-heading">Webhooks</CardTitle>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Post this team&apos;s events to Slack, Mattermost, Discord or a service of your own, signed, with a delivery log.
      </p>
      <p className="mt-3 text-sm">
        <Link href={`/teams/${teamId}/webhooks`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
          Manage webhooks
        </Link>
      </p>
    </Card>
  );
}
