import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/validation/callback-url";
import { AuthPanel } from "../auth-panel";
import { joinNote } from "../join-note";
import { GitHubButton } from "../github-button";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const note = await joinNote(callbackUrl);
  return (
    <AuthPanel title="Create your account" subtitle={note ?? "Then make a team, or join one from an invite link."}>
      <SignUpForm callbackUrl={callbackUrl} />
      <GitHubButton callbackUrl={callbackUrl} />
    </AuthPanel>
  );
}
