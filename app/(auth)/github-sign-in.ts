"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { githubEnabled } from "@/lib/auth/config";
import { safeCallbackUrl } from "@/lib/validation/callback-url";

/** Anyone can post to an action whether or not its button is shown, so it checks GitHub is set up. */
export async function gitHubSignInAction(formData: FormData): Promise<void> {
  if (!githubEnabled()) redirect("/sign-in");
  await signIn("github", { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}
