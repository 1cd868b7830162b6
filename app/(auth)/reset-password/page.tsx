import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Link } from "@/app/_components/link";
import { buttonClass } from "@/app/_components/ui";
import { getDb } from "@/db";
import { RESET_COOKIE } from "@/lib/auth/reset-cookie";
import { RESET_LINK_UNUSABLE } from "@/lib/domain/password-reset";
import { usableReset } from "@/lib/services/password-resets";
import { AuthPanel } from "../auth-panel";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage() {
  const token = (await cookies()).get(RESET_COOKIE)?.value ?? "";
  const reset = token ? await usableReset(await getDb(), token) : null;
  if (!reset) {
    return (
      <AuthPanel title="Choose a new password">
        <p role="alert" className="text-slate-700 dark:text-slate-300">
          {RESET_LINK_UNUSABLE}
        </p>
        <Link href="/forgot-password" className={buttonClass("primary", "mt-4 w-full")}>
          Ask for a new link
        </Link>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel
      title="Choose a new password"
      subtitle={
        <>
          For <strong>{reset.email}</strong>. Once it is saved, every session of this account is signed out, and you sign in with the new one.
        </>
      }
    >
      <ResetPasswordForm email={reset.email} />
    </AuthPanel>
  );
}
