import { Link } from "@/app/_components/link";
import { buttonClass, Card, CardTitle } from "@/app/_components/ui";

/**
 * Where the charts are. They live on a page of their own: drawn inline, their markup and figures
 * made the results document too large to arrive in the first round trip of a slow phone connection.
 */
export function ChartsLinkSection({ href }: { href: string }) {
  return (
    <Card aria-labelledby="charts-heading">
      <CardTitle id="charts-heading">Charts</CardTitle>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        What each option’s score is made of, each option’s profile across the criteria, everyone’s weights beside the group’s, and where the team splits.
      </p>
      <Link href={href} className={buttonClass("secondary")}>
        See the charts
      </Link>
    </Card>
  );
}
