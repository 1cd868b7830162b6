import { Fragment } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { Pager } from "@/app/_components/pager";
import { Table } from "@/app/_components/table";
import { Time } from "@/app/_components/time";
import { Badge, Card, CardTitle } from "@/app/_components/ui";
import { invitableRoles, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { InviteStatus } from "@/lib/domain/invite-status";
import type { TeamPageData } from "@/lib/services/pages/team-page";
import { CreateInviteForm, RegenerateInviteForm, RevokeInviteForm } from "./invite-forms";

const STATUS_BADGE: Record<InviteStatus, { label: string; tone: "good" | "neutral" | "warn" | "bad" }> = {
  valid: { label: "Active", tone: "good" },
  expired: { label: "Expired", tone: "warn" },
  used_up: { label: "Used up", tone: "neutral" },
  revoked: { label: "Revoked", tone: "bad" },
};

type InviteRow = TeamPageData["invites"]["rows"][number];

const inviteLabel = (invite: InviteRow) => `${ROLE_LABELS[invite.role].toLowerCase()} invite`;

/**
 * Under an active invite's row, for the people who may hand it out: its link, folded away until
 * asked for, and what can be done with it. A plain disclosure opens without JavaScript, and the
 * field is read-only text to select and copy. The row spans the table, and its content keeps to
 * the visible width, so on a phone nothing in it hides past the table's sideways scroll.
 */
function InviteManageRow({ teamId, invite, origin }: { teamId: string; invite: InviteRow; origin: string | null }) {
  const link = invite.link;
  return (
    <tr className="border-t-0">
      <td colSpan={5} className="pb-3">
        <div className="sticky left-0 flex max-w-[calc(100vw-5rem)] flex-wrap items-start gap-x-6 gap-y-2">
          {link?.kind === "copy" ? (
            <details>
              <summary className="w-fit cursor-pointer text-sm font-medium text-brand-700 hover:underline dark:text-brand-100">
                Copy link<span className="sr-only"> for the {inviteLabel(invite)}</span>
              </summary>
              <CopyField
                className="mt-2 max-w-[min(36rem,calc(100vw-6rem))]"
                label={`Link for the ${inviteLabel(invite)}`}
                value={origin ? new URL(link.path, origin).toString() : link.path}
                buttonLabel="Copy"
              />
            </details>
          ) : link ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">Link not recoverable: regenerate it</p>
          ) : null}
          {link ? <RegenerateInviteForm teamId={teamId} inviteId={invite.id} label={inviteLabel(invite)} /> : null}
          <RevokeInviteForm teamId={teamId} inviteId={invite.id} label={inviteLabel(invite)} />
        </div>
      </td>
    </tr>
  );
}

/** Making invite links, and the links made so far with their state, newest first, a page at a time. */
export function InvitesSection({
  teamId,
  invites,
  role,
  origin,
  href,
}: {
  teamId: string;
  invites: TeamPageData["invites"];
  role: Role;
  /** Scheme and host the page was asked for, to show links whole; null shows the bare path. */
  origin: string | null;
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
            columns={[{ label: "Role" }, { label: "Status" }, { label: "Used" }, { label: "Expires" }, { label: "Created by" }]}
          >
            {invites.rows.map((invite) => {
              const badge = STATUS_BADGE[invite.status];
              const active = invite.status === "valid";
              return (
                <Fragment key={invite.id}>
                  <tr className={active ? "border-b-0" : undefined}>
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
                    <td className="py-2 text-slate-500 dark:text-slate-400">{invite.createdByName}</td>
                  </tr>
                  {active ? <InviteManageRow teamId={teamId} invite={invite} origin={origin} /> : null}
                </Fragment>
              );
            })}
          </Table>
          <Pager what="invite links" page={invites.page} hasNext={invites.hasNext} href={href} />
        </div>
      ) : null}
    </Card>
  );
}
