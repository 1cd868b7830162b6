import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/app/_components/link";
import type { ReactNode } from "react";
import { type CurrentUser, currentUser } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { zoneShape } from "@/lib/domain/time-format";
import { FRONT_DOOR_HEADER, frontDoorToken } from "@/lib/http/front-door";
import { requestOrigin } from "@/lib/http/origin";
import { viewerTimeZone } from "@/lib/viewer-zone";
import { DatabaseUnavailableNotice } from "./_components/database-unavailable";
import { NotificationBell } from "./_components/notification-bell";
import { SignOutButton } from "./_components/sign-out-button";
import { TimeZoneSync } from "./_components/time-zone-sync";
import "./globals.css";

/** Absolute links in the page's metadata (the social preview image) name the host the page was asked for. */
export async function generateMetadata(): Promise<Metadata> {
  const origin = requestOrigin(await headers());
  return {
    metadataBase: new URL(origin ?? "http://localhost:3000"),
    title: { default: "Verdict", template: "%s · Verdict" },
    description: "Make technology decisions as a team, and keep the record.",
  };
}

/** The signed-in person, or a note that the database is down (the layout has no error boundary above it). */
async function layoutUser(): Promise<{ user: CurrentUser | null; unavailable: boolean }> {
  try {
    return { user: await currentUser(), unavailable: false };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { user: null, unavailable: true };
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A request that reached the server in the instant before instrumentation installed the front
  // door carries no policy: it gets nothing of anyone's data, only a page that asks again.
  if ((await headers()).get(FRONT_DOOR_HEADER) !== frontDoorToken()) return <StartingUp />;
  const [{ user, unavailable }, { zone, chosen, told }] = await Promise.all([layoutUser(), viewerTimeZone()]);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
          <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:gap-x-6 sm:px-6">
            <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
              <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
                V
              </span>
              Verdict
            </Link>
            <div className="flex items-center gap-4 text-sm">
              {user ? (
                <Link href="/teams" className="text-slate-700 hover:text-brand-600 dark:text-slate-300">
                  Teams
                </Link>
              ) : null}
              <Link href="/frameworks" className="text-slate-700 hover:text-brand-600 dark:text-slate-300">
                Frameworks
              </Link>
            </div>
            <div className="ml-auto flex items-center gap-3 whitespace-nowrap text-sm">
              {user ? (
                <>
                  <span className="hidden text-slate-600 sm:inline dark:text-slate-400">{user.name}</span>
                  <NotificationBell unread={user.unread} />
                  <Link href="/account" className="text-slate-700 hover:text-brand-600 dark:text-slate-300">
                    Account
                  </Link>
                  <SignOutButton />
                </>
              ) : unavailable ? null : (
                <>
                  <Link href="/sign-in" className="text-slate-700 hover:text-brand-600 dark:text-slate-300">
                    Sign in
                  </Link>
                  <Link href="/sign-up" className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
                    Sign up
                  </Link>
                </>
              )}
            </div>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
          <TimeZoneSync zone={zone} chosen={chosen} toldShape={told ? zoneShape(told, new Date()) : null}>
            {unavailable ? <DatabaseUnavailableNotice /> : children}
          </TimeZoneSync>
        </main>
      </body>
    </html>
  );
}

function StartingUp() {
  return (
    <html lang="en">
      <head>
        <meta httpEquiv="refresh" content="1" />
      </head>
      <body className="min-h-screen">
        <main id="main" className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-xl font-semibold">Verdict is starting</h1>
          <p className="mt-2 text-slate-600 dark:text-slate-400">This page loads again by itself in a moment.</p>
        </main>
      </body>
    </html>
  );
}
