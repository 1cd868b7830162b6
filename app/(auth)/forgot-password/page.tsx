import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { env } from "@/lib/env";
import { AuthPanel } from "../auth-panel";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  const { NODE_ENV, SMTP_URL } = env();
  return (
    <>
      <AuthPanel title="Forgot your password?" subtitle="Give the address you sign in with, and we will email you a link to choose a new password.">
        <ForgotPasswordForm />
      </AuthPanel>
      {NODE_ENV === "development" && !SMTP_URL ? (
        <p className="mx-auto mt-6 max-w-md rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          In development without <code className="font-mono">SMTP_URL</code>, the email is kept in the{" "}
          <Link href="/dev/mailbox" className="font-medium text-brand-600 hover:underline dark:text-brand-100">
            development mailbox
          </Link>
          .
        </p>
      ) : null}
    </>
  );
}
