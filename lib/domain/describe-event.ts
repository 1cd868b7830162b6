// Plain-language lines for the activity feed. Payloads are written by the app, but read defensively:
// an old event must never break the page.
const ROLE_WORDS: Record<string, string> = { owner: "an owner", admin: "an admin", member: "a member", viewer: "a viewer" };

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value.length > 0 ? value : fallback;
}

export function describeEvent(type: string, payload: Record<string, unknown>, actor: string | null): string {
  const who = actor ?? "Someone";
  // Own keys only: a payload role such as "constructor" must not reach Object.prototype.
  const role = (key: string) => {
    const value = text(payload[key], "");
    return Object.hasOwn(ROLE_WORDS, value) ? ROLE_WORDS[value]! : "a member";
  };
  switch (type) {
    case "team.created":
      return `${who} created the team`;
    case "member.joined":
      return `${text(payload.name, who)} joined as ${role("role")}`;
    case "member.role_changed":
      return `${who} made ${text(payload.name, "someone")} ${role("to")}`;
    case "member.removed":
      return `${who} removed ${text(payload.name, "someone")}`;
    case "member.left":
      return `${text(payload.name, who)} left the team`;
    case "invite.created":
      return `${who} created an invite link for ${role("role")}`;
    case "invite.revoked":
      return `${who} revoked an invite link`;
    default:
      return `${who}: ${type}`;
  }
}
