import { signIn } from "@/lib/auth";
import { githubEnabled } from "@/lib/auth/config";
import { buttonClass } from "../_components/ui";

export function GitHubButton({ callbackUrl }: { callbackUrl: string }) {
  if (!githubEnabled()) return null;
  async function signInWithGitHub() {
    "use server";
    await signIn("github", { redirectTo: callbackUrl });
  }
  return (
    <form action={signInWithGitHub} className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
      <button type="submit" className={buttonClass("secondary", "w-full")}>
        Continue with GitHub
      </button>
    </form>
  );
}
