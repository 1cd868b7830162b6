import type { FormState } from "./form-data";

/** Sent with a step that cannot be undone once it is confirmed: by the browser's dialog, or without JavaScript by the form's second button. */
export const CONFIRMED_FIELD = "confirmed";

/** The state of a form whose step waits to be confirmed (it was sent without CONFIRMED_FIELD, so before any script had run). */
export const needsConfirmation = (state: FormState): boolean => state.data?.confirm === "1";
