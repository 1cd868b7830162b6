import type { BrowserContext } from "@playwright/test";
import type { Person } from "../pages/auth-pages";
import { SESSION_COOKIE, SIGN_UP_ACTION } from "../../security/support/http";

/**
 * Signs `person` up by posting the sign-up form's own server action from the context's request
 * client, which shares the browser's cookie jar: the browser is then signed in without loading and
 * filling the form. For tests about something else; auth.spec.ts and the invite flows keep the form.
 * `origin` is the server the context talks to: the action refuses a post from any other origin.
 */
export async function signUpOverHttp(context: BrowserContext, person: Person, origin: string): Promise<void> {
  const action = SIGN_UP_ACTION();
  const form = new FormData();
  for (const [name, value] of Object.entries({ name: person.name, email: person.email, password: person.password, callbackUrl: "/teams" })) {
    form.append(`_1_${name}`, value);
  }
  // React's encoding of the action's arguments (previous state, form data), as the form sends them.
  form.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  const response = await context.request.post(new URL(action.path, origin).toString(), {
    multipart: form,
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: new URL(origin).origin },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const target = response.headers()["x-action-redirect"]?.split(";")[0];
  const redirect = target ? new URL(target, origin).pathname : null;
  const signedIn = (await context.cookies(origin)).some((c) => c.name === SESSION_COOKIE);
  if (redirect !== "/teams" || !signedIn) {
    throw new Error(`sign-up of ${person.email} over HTTP failed: ${response.status()} ${redirect} ${(await response.text()).slice(0, 500)}`);
  }
}
