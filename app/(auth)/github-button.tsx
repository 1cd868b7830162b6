import { githubEnabled } from "@/lib/auth/config";
import { buttonClass } from "../_components/ui";
import { gitHubSignInAction } from "./github-sign-in";

export function GitHubButton({ callbackUrl }: { callbackUrl: string }) {
  if (!githubEnabled()) return null;
  return (
    <form action={gitHubSignInAction} className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className={buttonClass("secondary", "w-full")}>
        Continue with GitHub
      </button>
    </form>
  );
}
