"use client";

import { useActionState, useId } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton } from "@/app/_components/form";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, WEBHOOK_FORMAT_LABELS, WEBHOOK_FORMATS } from "@/lib/domain/webhooks";
import { webhookEventField } from "@/lib/validation/limits";
import { createWebhookAction } from "./actions/create-webhook";
import { deleteWebhookAction } from "./actions/delete-webhook";
import { sendTestWebhookAction } from "./actions/send-test-webhook";
import { setWebhookEnabledAction } from "./actions/set-webhook-enabled";

const errorClass = "mt-1 text-sm text-red-700 dark:text-red-300";
const hintClass = "mt-1 text-xs text-slate-500 dark:text-slate-400";

/** Adding a webhook: address, format, events and an optional secret; a secret made here is shown once. */
export function CreateWebhookForm({ teamId }: { teamId: string }) {
  const [state, action] = useActionState(createWebhookAction, initialFormState);
  const formatId = useId();
  const eventsId = useId();
  // After a failed try the boxes come back as they were sent; at first, none is ticked.
  const ticked = (field: string) => state.values?.[`events.${field}`] === "on";
  const format = state.values?.format ?? "slack";
  return (
    <div className="space-y-4">
      <ActionForm action={action} className="space-y-4" noValidate>
        <input type="hidden" name="teamId" value={teamId} />
        <Field
          label="Address (URL)"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://hooks.slack.com/services/…"
          hint="Where each event is posted. Only public https:// or http:// addresses."
          state={state}
        />
        <fieldset aria-describedby={state.fieldErrors?.format ? `${formatId}-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">Format</legend>
          <div className="space-y-1">
            {WEBHOOK_FORMATS.map((value) => (
              <label key={value} className="flex items-start gap-2 text-sm">
                <input type="radio" name="format" value={value} defaultChecked={format === value} className="mt-0.5" />
                <span>{WEBHOOK_FORMAT_LABELS[value]}</span>
              </label>
            ))}
          </div>
          {state.fieldErrors?.format ? (
            <p id={`${formatId}-error`} className={errorClass}>
              {state.fieldErrors.format}
            </p>
          ) : null}
        </fieldset>
        <fieldset aria-describedby={state.fieldErrors?.events ? `${eventsId}-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">Events to send</legend>
          <div className="space-y-1">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name={`events.${webhookEventField(type)}`} defaultChecked={ticked(webhookEventField(type))} className="mt-0.5" />
                <span>{WEBHOOK_EVENT_LABELS[type]}</span>
              </label>
            ))}
          </div>
          {state.fieldErrors?.events ? (
            <p id={`${eventsId}-error`} className={errorClass}>
              {state.fieldErrors.events}
            </p>
          ) : null}
        </fieldset>
        <Field
          label="Secret (optional)"
          name="secret"
          type="password"
          autoComplete="off"
          hint="Leave blank and one is made for you, shown once. Or give your own: at least 16 characters, no spaces."
          state={{ ...state, values: undefined }}
        />
        <SubmitButton pendingLabel="Adding webhook…">Add webhook</SubmitButton>
      </ActionForm>
      <FormMessage state={state} />
      {state.ok && state.data?.secret ? <CopyField label="Signing secret" value={state.data.secret} buttonLabel="Copy secret" /> : null}
      <p className={hintClass}>
        Each request carries X-Verdict-Timestamp and X-Verdict-Signature: v1= and the HMAC-SHA256, keyed by the secret, of the timestamp, a full stop and the
        body. Refuse a timestamp more than five minutes old.
      </p>
    </div>
  );
}

type HookRef = { teamId: string; webhookId: string; label: string };

/** Pause or resume, send a test event: one button each, working without JavaScript. */
export function WebhookQuickActions({ teamId, webhookId, label, enabled }: HookRef & { enabled: boolean }) {
  const [toggleState, toggle] = useActionState(setWebhookEnabledAction, initialFormState);
  const [testState, test] = useActionState(sendTestWebhookAction, initialFormState);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <ActionForm action={toggle}>
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="webhookId" value={webhookId} />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <SubmitButton variant="secondary" className="py-1" pendingLabel={enabled ? "Pausing…" : "Resuming…"}>
            <span>
              {enabled ? "Pause" : "Resume"}
              <span className="sr-only"> {label}</span>
            </span>
          </SubmitButton>
        </ActionForm>
        <ActionForm action={test}>
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="webhookId" value={webhookId} />
          <SubmitButton variant="secondary" className="py-1" pendingLabel="Queueing…">
            <span>
              Send a test event<span className="sr-only"> to {label}</span>
            </span>
          </SubmitButton>
        </ActionForm>
      </div>
      <FormMessage state={toggleState.message ? toggleState : testState} />
    </div>
  );
}

/** Deleting, behind a disclosure that says what goes with it. */
export function DeleteWebhookForm({ teamId, webhookId, label }: HookRef) {
  const [state, action] = useActionState(deleteWebhookAction, initialFormState);
  return (
    <details className="text-sm">
      <summary className="w-fit cursor-pointer font-medium text-brand-700 hover:underline dark:text-brand-100">
        Delete…<span className="sr-only"> {label}</span>
      </summary>
      <ActionForm action={action} className="mt-2 space-y-2">
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="webhookId" value={webhookId} />
        <p className="text-slate-600 dark:text-slate-400">Nothing more is sent to it, and its delivery log goes too.</p>
        <SubmitButton variant="danger" pendingLabel="Deleting…" className="py-1">
          <span>
            Yes, delete<span className="sr-only"> {label}</span>
          </span>
        </SubmitButton>
        <FormMessage state={state} />
      </ActionForm>
    </details>
  );
}
