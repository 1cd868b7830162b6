import { ForgetNoticeFlags } from "@/app/_components/one-time-notice";
import { Pager } from "@/app/_components/pager";
import { PHONE_HIDDEN, Table } from "@/app/_components/table";
import { Time } from "@/app/_components/time";
import { EmailAddress } from "@/app/_components/email-address";
import { Badge, Card, CardTitle, cx, SuccessNotice } from "@/app/_components/ui";
import { can, canManageMember, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import type { TeamPageData } from "@/lib/services/pages/team-page";
import { ChangeRoleForm, RemoveMemberForm } from "./member-forms";

// On a phone the role column takes only the room its widest control needs (the role's select and
// the buttons stack), so names and addresses keep most of the row.
const ROLE_COLUMN = "w-px sm:w-auto";

/** Everyone in the team, a page at a time, with the role and removal controls the viewer's own role allows. */
export function MembersSection({
  teamId,
  members,
  userId,
  role,
  href,
  removedName,
}: {
  teamId: string;
  members: TeamPageData["members"];
  userId: string;
  role: Role;
  href: (page: number) => string;
  /** Someone this viewer has just removed: their row is gone, so the card says so. */
  removedName: string | null;
}) {
  return (
    <Card aria-labelledby="members-heading">
      <CardTitle id="members-heading">Members ({members.total})</CardTitle>
      {removedName ? (
        <>
          <ForgetNoticeFlags names={["removed"]} />
          <SuccessNotice className="mb-3">{removedName} was removed from the team and no longer has access to it.</SuccessNotice>
        </>
      ) : null}
      <Table label="Team members" columns={[{ label: "Name" }, { label: "Role", className: ROLE_COLUMN }, { label: "Joined", className: PHONE_HIDDEN }]}>
        {members.rows.map((member) => {
          const isMe = member.userId === userId;
          const manageable = !isMe && canManageMember(role, member.role);
          const assignable = ROLES.filter((r) => canManageMember(role, member.role, r));
          return (
            <tr key={member.userId}>
              <td className="py-3 pr-4">
                <div className="font-medium">
                  {member.name}
                  {isMe ? <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">(you)</span> : null}
                </div>
                <EmailAddress email={member.email} className="block text-slate-500 dark:text-slate-400" />
                {/* On a phone the Joined column gives way: the date sits under the name instead. */}
                <div className="text-xs text-slate-500 sm:hidden dark:text-slate-400">
                  Joined <Time date={member.joinedAt} withTime={false} />
                </div>
              </td>
              {/* Removal sits with the role, not in a column of its own: on a phone a fourth column put it past the card's edge. */}
              <td className="py-3 pr-4">
                <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
                  {manageable ? (
                    <ChangeRoleForm teamId={teamId} userId={member.userId} memberName={member.name} role={member.role} roles={assignable} />
                  ) : (
                    <Badge tone={member.role === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[member.role]}</Badge>
                  )}
                  {manageable && can(role, "team.removeMember") ? <RemoveMemberForm teamId={teamId} userId={member.userId} memberName={member.name} /> : null}
                </div>
              </td>
              <td className={cx("py-3 text-slate-500 dark:text-slate-400", PHONE_HIDDEN)}>
                <Time date={member.joinedAt} withTime={false} />
              </td>
            </tr>
          );
        })}
      </Table>
      <Pager what="members" page={members.page} pageCount={members.pageCount} href={href} />
    </Card>
  );
}
