import { Link } from "@/app/_components/link";

const linkClass = "font-medium text-brand-600 hover:underline dark:text-brand-100";

/** `path` with the query parameters that are set, and an optional fragment: the address of one state of a paged page. */
export function pageHref(path: string, params: Record<string, string | number | undefined>, fragment?: string) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== "") query.set(name, String(value));
  const search = query.toString();
  return `${path}${search ? `?${search}` : ""}${fragment ? `#${fragment}` : ""}`;
}

/** A page number for an address: page 1 is where every list starts, so it is left out. */
export const pageParam = (page: number) => (page > 1 ? page : undefined);

/**
 * Previous and next links for a list shown a page at a time. Plain links, so they work without
 * JavaScript; `what` names the list for screen readers ("members", "decisions"). A list that is not
 * counted gives `hasNext` instead of `pageCount`.
 */
export function Pager({
  what,
  page,
  pageCount,
  hasNext = pageCount !== undefined && page < pageCount,
  href,
}: {
  what: string;
  page: number;
  pageCount?: number;
  hasNext?: boolean;
  href: (page: number) => string;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={`Pages of ${what}`} className="mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
      {page > 1 ? (
        <Link href={href(pageCount ? Math.min(page - 1, pageCount) : page - 1)} rel="prev" className={linkClass}>
          ← Previous<span className="sr-only"> page of {what}</span>
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600 dark:text-slate-400">{pageCount ? `Page ${page} of ${pageCount}` : `Page ${page}`}</span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          Next<span className="sr-only"> page of {what}</span> →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
