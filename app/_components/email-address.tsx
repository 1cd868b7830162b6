import { cx } from "./ui";

/**
 * An email address that wraps where a reader expects, after the "@", rather than wherever the
 * line runs out ("alice@exampl" / "e.com"); a part too long for its line still breaks inside.
 */
export function EmailAddress({ email, className }: { email: string; className?: string }) {
  const at = email.lastIndexOf("@");
  return (
    <span className={cx("wrap-anywhere", className)}>
      {at > 0 ? (
        <>
          {email.slice(0, at + 1)}
          <wbr />
          {email.slice(at + 1)}
        </>
      ) : (
        email
      )}
    </span>
  );
}
