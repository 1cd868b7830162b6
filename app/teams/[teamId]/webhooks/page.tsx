import { notFound } from "next/navigation";
import { BackLink, Card, CardTitle, PageHeader } from "@/app/_components/ui";
import { teamPage, teamPageMetadata } from "@/lib/entry/pages";
import { webhooksSectionData } from "@/lib/services/webhooks";
import { DeliveryLogSection } from "./delivery-log-section";
import { CreateWebhookForm } from "./webhook-forms";
import { WebhookListSection } from "./webhook-list-section";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string }> }) => teamPageMetadata(params, "team.webhooks", "Webhooks");

/** A team's webhooks, for its owners and admins: the webhooks, adding one, and the delivery log. */
export default async function WebhooksPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const view = await teamPage(teamId, "team.webhooks", `/teams/${teamId}/webhooks`);
  const data = await webhooksSectionData(view);
  if (!data) notFound();
  return (
    <>
      <BackLink href={`/teams/${teamId}`}>{data.teamName}</BackLink>
      <PageHeader
        title="Webhooks"
        description="Send this team's events to Slack, Mattermost, Discord or a service of your own. Every request is signed, and one that fails is tried again for a day."
      />
      <div className="space-y-6">
        <WebhookListSection teamId={teamId} hooks={data.hooks} />
        <Card aria-labelledby="add-webhook-heading">
          <CardTitle id="add-webhook-heading">Add a webhook</CardTitle>
          <CreateWebhookForm teamId={teamId} />
        </Card>
        <DeliveryLogSection attempts={data.attempts} />
      </div>
    </>
  );
}
