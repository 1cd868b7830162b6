import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type APIRequestContext, type APIResponse, request as playwrightRequest } from "@playwright/test";

// Talks to the running production build the way a browser (or an attacker) does: plain HTTP.

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const SESSION_COOKIE = "authjs.session-token";

/** One entry of the build's server-reference manifest: an action the server will run when asked by id. */
export type BuiltAction = { id: string; filename: string; exportedName: string; workers: string[] };

type Manifest = { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };

let built: BuiltAction[] | undefined;

/** Every server action in the build the server runs (`.next` of this tree). */
export function builtActions(): BuiltAction[] {
  if (built) return built;
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  built = Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename ?? "(unknown file)",
    exportedName: entry.exportedName ?? "(unknown export)",
    workers: Object.keys(entry.workers),
  }));
  return built;
}

export function actionId(filename: string, exportedName: string): string {
  const found = builtActions().find((a) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`${filename}#${exportedName} is not in the build's server-reference manifest: run next build`);
  return found.id;
}

/** A person talking to the server: their own cookie jar, nothing shared with anyone else. */
export type Client = { label: string; http: APIRequestContext };

export async function newClient(label: string): Promise<Client> {
  return { label, http: await playwrightRequest.newContext({ baseURL: BASE_URL, maxRedirects: 0 }) };
}

/** A client that replays a cookie someone copied, in a fresh jar. */
export async function clientWithCookie(label: string, cookieValue: string): Promise<Client> {
  const http = await playwrightRequest.newContext({
    baseURL: BASE_URL,
    maxRedirects: 0,
    storageState: {
      cookies: [{ name: SESSION_COOKIE, value: cookieValue, domain: "127.0.0.1", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }],
      origins: [],
    },
  });
  return { label, http };
}

export async function sessionCookie(client: Client): Promise<string | undefined> {
  const state = await client.http.storageState();
  return state.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

export type Fields = Record<string, string | readonly string[]>;

export type ActionResult = {
  status: number;
  /** Where the action, or the front door in front of it, sent the person: a path. */
  redirect: string | null;
  /** The form state the action returned, when it returned one. */
  state: { ok?: boolean; message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string>; data?: Record<string, string> } | null;
  body: string;
};

/**
 * Calls a server action as Next's client does: POST with `Next-Action: <id>` and the arguments
 * encoded as React's reply format. `withState` actions (useActionState) take (previousState,
 * formData); the others take formData alone.
 */
export async function callAction(
  client: Client,
  action: { id: string; path: string; withState?: boolean },
  fields: Fields,
  headers: Record<string, string> = {},
): Promise<ActionResult> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of typeof value === "string" ? [value] : value) form.append(`_1_${name}`, one);
  }
  form.append("0", JSON.stringify(action.withState === false ? ["$K1"] : [{ ok: false }, "$K1"]));
  const response = await client.http.post(action.path, {
    multipart: form,
    headers: { ...headers, "Next-Action": action.id, Accept: "text/x-component", Origin: BASE_URL },
    failOnStatusCode: false,
  });
  return readActionResponse(response);
}

async function readActionResponse(response: APIResponse): Promise<ActionResult> {
  const body = await response.text();
  const headers = response.headers();
  // An action's redirect() arrives as a header; the front door's redirect of a signed-out visitor as a 307.
  const target = headers["x-action-redirect"]?.split(";")[0] ?? (response.status() >= 300 && response.status() < 400 ? headers["location"] : undefined);
  const url = target ? new URL(target, BASE_URL) : null;
  const redirect = url ? url.pathname + url.search : null;
  return { status: response.status(), redirect, state: actionState(body), body };
}

/** Row 0 of the RSC answer names the row holding the action's return value ("a": "$@N"). */
function actionState(body: string): ActionResult["state"] {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    if (!head || typeof head.a !== "string" || !head.a.startsWith("$@")) return null;
    const value = JSON.parse(rows.get(head.a.slice(2)) ?? "null") as unknown;
    return value && typeof value === "object" ? (value as ActionResult["state"]) : null;
  } catch {
    return null;
  }
}

export const SIGN_IN_ACTION = () => ({ id: actionId("app/(auth)/sign-in/actions.ts", "signInAction"), path: "/sign-in" });
export const SIGN_UP_ACTION = () => ({ id: actionId("app/(auth)/sign-up/actions.ts", "signUpAction"), path: "/sign-up" });
export const SIGN_OUT_ACTION = () => ({ id: actionId("app/actions/sign-out.ts", "signOutAction"), path: "/sign-in", withState: false });
export const CREATE_TEAM_ACTION = () => ({ id: actionId("app/teams/actions/create-team.ts", "createTeamAction"), path: "/teams" });

export const PASSWORD = "correct horse battery staple";

let counter = 0;
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label.toLowerCase().replace(/\W+/g, "-")}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export type Person = Client & { email: string; name: string };

/** Signs up through the real form action; the client's jar then holds the new session. */
export async function signUp(label: string, password = PASSWORD): Promise<Person> {
  const client = await newClient(label);
  const email = uniqueEmail(label);
  const name = `${label} Tester`;
  const result = await callAction(client, SIGN_UP_ACTION(), { name, email, password, callbackUrl: "/teams" });
  if (result.redirect !== "/teams" || !(await sessionCookie(client))) {
    throw new Error(`sign-up of ${email} failed: ${result.status} ${result.redirect} ${JSON.stringify(result.state)}`);
  }
  return { ...client, email, name };
}

export async function signIn(client: Client, email: string, password: string, headers: Record<string, string> = {}): Promise<ActionResult> {
  return callAction(client, SIGN_IN_ACTION(), { email, password, callbackUrl: "/teams" }, headers);
}

export async function disposeAll(clients: readonly (Client | undefined)[]): Promise<void> {
  await Promise.all(clients.map((c) => c?.http.dispose()));
}

export type StreamAnswer = { status: number; location: string | null; contentType: string; body: string };

/**
 * Opens a stream the way EventSource does, with the client's cookies, reads what arrives within
 * `ms` (all of it, for an answer that ends), then hangs up: a live stream never ends by itself.
 */
export async function openStream(client: Client, url: string, ms = 500): Promise<StreamAnswer> {
  const { cookies } = await client.http.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const hangUp = new AbortController();
  const response = await fetch(new URL(url, BASE_URL), {
    headers: { accept: "text/event-stream", ...(cookie ? { cookie } : {}) },
    redirect: "manual",
    signal: hangUp.signal,
  });
  const decoder = new TextDecoder();
  let body = "";
  const reader = response.body?.getReader();
  const timer = setTimeout(() => hangUp.abort(), ms);
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) body += decoder.decode(chunk.value, { stream: true });
  } catch {
    // Hung up after `ms`: what arrived so far is the answer.
  } finally {
    clearTimeout(timer);
    hangUp.abort();
  }
  return { status: response.status, location: response.headers.get("location"), contentType: response.headers.get("content-type") ?? "", body };
}
