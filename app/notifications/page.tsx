import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { getDb } from "@/db";
import { listNotifications } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/session";
import { inboxQuery } from "@/lib/validation/page-query";
import { Pager, pageHref, pageParam } from "../_components/pager";
import { Time } from "../_components/time";
import { Card, PageHeader } from "../_components/ui";
import { MarkAllReadForm, OpenNotificationForm } from "./notification-forms";

export const metadata: Metadata = { title: "Notifications" };

const PAGE_SIZE = 20;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/notifications");
  const { page } = inboxQuery(await searchParams);
  const { items, hasNext } = await listNotifications(await getDb(), user.id, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            What happened in your teams that concerns you, newest first. Choose which also come by email on{" "}
            <Link href="/account#notifications-heading" className="text-brand-600 underline dark:text-brand-100">
              your account
            </Link>
            .
          </>
        }
        actions={<MarkAllReadForm />}
      />
      <Card aria-labelledby="inbox-heading">
        <h2 id="inbox-heading" className="sr-only">
          Your notifications
        </h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {page > 1 ? "Nothing more on this page." : "Nothing yet. When a decision needs you, it will show here."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {items.map((item) => (
              <li key={item.id} className="flex items-start gap-3 py-3">
                <span
                  aria-hidden="true"
                  className={"mt-2 h-2 w-2 shrink-0 rounded-full " + (item.readAt ? "bg-transparent" : "bg-brand-600 dark:bg-brand-100")}
                />
                <div className="min-w-0 flex-1 text-sm">
                  <OpenNotificationForm id={item.id} title={item.title} unread={!item.readAt} />
                  <p className="mt-1 text-slate-500 dark:text-slate-400">
                    <Time date={item.createdAt} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pager what="notifications" page={page} hasNext={hasNext} href={(p) => pageHref("/notifications", { page: pageParam(p) })} />
      </Card>
    </>
  );
}
