import { Pager } from "@/app/_components/pager";
import { Table } from "@/app/_components/table";
import { Time } from "@/app/_components/time";
import { Badge, Card, CardTitle } from "@/app/_components/ui";
import { invitableRoles, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { InviteStatus } from "@/lib/domain/invite-status";
import type { TeamPageData } from "@/lib/services/pages/team-page";
import { CreateInviteForm, RevokeInviteForm } from "./invite-forms";

const STATUS_BADGE: Record<InviteStatus, { label: string; tone: "good" | "neutral" | "warn" | "bad" }> = {
  valid: { label: "Active", tone: "good" },
  expired: { label: "Expired", tone: "warn" },
  used_up: { label: "Used up", tone: "neutral" },
  revoked: { label: "Revoked", tone: "bad" },
};

/** Making invite links, and the links made so far with their state, newest first, a page at a time. */
export function InvitesSection({
  teamId,
  invites,
  role,
  href,
}: {
  teamId: string;
  invites: TeamPageData["invites"];
  role: Role;
  href: (page: number) => string;
}) {
  return (
    <Card aria-labelledby="invites-heading">
      <CardTitle id="invites-heading">Invite people</CardTitle>
      <CreateInviteForm teamId={teamId} roles={invitableRoles(role)} />
      {invites.rows.length > 0 || invites.page > 1 ? (
        <div className="mt-6">
          <h3 className="mb-2 text-sm font-semibold">Invite links</h3>
          {/* A caption, not aria-labelledby: a table labelled "Invite links" would also answer to the form's "Invite link" field label. */}
          <Table
            caption="Invite links made so far"
            columns={[
              { label: "Role" },
              { label: "Status" },
              { label: "Used" },
              { label: "Expires" },
              { label: "Created by" },
              { label: "Actions", visuallyHidden: true },
            ]}
          >
            {invites.rows.map((invite) => {
              const badge = STATUS_BADGE[invite.status];
              return (
                <tr key={invite.id}>
                  <td className="py-2 pr-4">{ROLE_LABELS[invite.role]}</td>
                  <td className="py-2 pr-4">
                    <Badge tone={badge.tone}>{badge.label}</Badge>
                  </td>
                  <td className="py-2 pr-4">
                    {invite.uses}
                    {invite.maxUses ? ` of ${invite.maxUses}` : ""}
                  </td>
                  <td className="py-2 pr-4 text-slate-500 dark:text-slate-400">
                    <Time date={invite.expiresAt} />
                  </td>
                  <td className="py-2 pr-4 text-slate-500 dark:text-slate-400">{invite.createdByName}</td>
                  <td className="py-2 text-right">
                    {invite.status === "valid" ? (
                      <RevokeInviteForm teamId={teamId} inviteId={invite.id} label={`${ROLE_LABELS[invite.role].toLowerCase()} invite`} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </Table>
          <Pager what="invite links" page={invites.page} hasNext={invites.hasNext} href={href} />
        </div>
      ) : null}
    </Card>
  );
}
