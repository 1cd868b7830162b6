const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Rendered on the server in UTC, so the markup never differs between server and browser. */
export function Time({ date, withTime = true }: { date: Date; withTime?: boolean }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {(withTime ? dateTime : dateOnly).format(date)}
      {withTime ? " UTC" : ""}
    </time>
  );
}
