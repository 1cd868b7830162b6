import { BODY_TOO_LARGE_MESSAGE, exceedsActionBodyLimit } from "@/lib/http/body-limit";
import { type FormState, nestedFormData } from "@/lib/validation/form-data";

const UNREACHABLE = "Verdict could not be reached, so nothing was saved. Check your connection and save again.";
const UNEXPECTED = "Something went wrong on our side. Nothing was saved; please try again.";

/**
 * Sends a form's fields as one JSON object (dotted names nested, as the server's schema reads them)
 * to a route that answers with a form state. Whatever happens on the way (no network, a proxy's
 * error page) comes back as a state with a message, never as a throw.
 */
export async function sendFormAsJson(url: string, formData: FormData): Promise<FormState> {
  if (exceedsActionBodyLimit(formData)) return { ok: false, message: BODY_TOO_LARGE_MESSAGE };
  const nested = nestedFormData(formData);
  if (!nested.success) return { ok: false, message: nested.message };
  let response: Response;
  try {
    response = await fetch(url, {
      method: "PUT",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(nested.data),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
  try {
    const state = (await response.json()) as FormState;
    if (typeof state === "object" && state !== null && typeof state.ok === "boolean") return state;
  } catch {
    // Not our JSON: a proxy or the platform answered; fall through to a plain message.
  }
  return { ok: false, message: response.status === 413 ? BODY_TOO_LARGE_MESSAGE : UNEXPECTED };
}
