import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/accounts";
import { demoHintVisible } from "@/lib/auth/demo-hint";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/validation/callback-url";
import { SuccessNotice } from "@/app/_components/ui";
import { AuthPanel } from "../auth-panel";
import { joinNote } from "../join-note";
import { GitHubButton } from "../github-button";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const note = await joinNote(callbackUrl);
  const demoAvailable = await demoHintVisible(await getDb(), env().NODE_ENV);
  return (
    <>
      <AuthPanel title="Sign in to Verdict" subtitle={note ?? "Weigh the options together, and keep the record."}>
        {params.reset === "done" ? (
          <SuccessNotice className="mb-4">Your new password is saved, and every session was signed out. Sign in with the new password.</SuccessNotice>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} />
        <GitHubButton callbackUrl={callbackUrl} />
      </AuthPanel>
      {demoAvailable ? (
        <aside
          aria-labelledby="demo-heading"
          className="mx-auto mt-6 max-w-md rounded-xl border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700"
        >
          <h2 id="demo-heading" className="font-medium">
            Trying it out?
          </h2>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            The demo team has three people, all with the password <code className="font-mono">{DEMO_PASSWORD}</code>:
          </p>
          <ul className="mt-2 space-y-1">
            {DEMO_USERS.map((u) => (
              <li key={u.email}>
                <code className="font-mono">{u.email}</code> <span className="text-slate-500 dark:text-slate-400">({u.role})</span>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </>
  );
}
