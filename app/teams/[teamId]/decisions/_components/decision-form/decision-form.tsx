"use client";

import { Link } from "@/app/_components/link";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { ActionForm, Field, FormMessage, initialFormState, SubmitButton, TextAreaField } from "@/app/_components/form";
import { buttonClass } from "@/app/_components/ui";
import { LIMITS } from "@/lib/validation/limits";
import { createDecisionAction } from "../../actions/create-decision";
import { editDecisionAction } from "../../actions/edit-decision";
import { CriteriaGroup } from "./criteria-group";
import { Group } from "./form-parts";
import { OptionsGroup } from "./options-group";
import { ParticipationGroup } from "./participation-group";
import { type CatalogChoice, CRITERION_FIELDS, type DecisionFormInitial, OPTION_FIELDS, startingPoint } from "./starting-point";
import { useDeadlines } from "./use-deadlines";
import { useEditableRows } from "./use-editable-rows";

export type { CatalogChoice, DecisionFormInitial } from "./starting-point";

/** Which rows the server numbered, by key, for placing its "criteria.2.name" errors. */
type Submitted = { customOptions: string[]; criteria: string[] };

export function DecisionForm({
  teamId,
  catalog,
  initial,
  edit,
  cancelHref,
}: {
  teamId: string;
  catalog: CatalogChoice[];
  initial: DecisionFormInitial;
  /** Editing a draft: the version it was read at, so a newer edit is never overwritten. */
  edit?: { decisionId: string; version: number };
  cancelHref: string;
}) {
  const [state, action] = useActionState(edit ? editDecisionAction : createDecisionAction, initialFormState);
  const [start] = useState(() => startingPoint(initial, state));
  const id = useId();

  const [frameworks, setFrameworks] = useState<string[]>(start.frameworks);
  const customOptions = useEditableRows({ initial: start.customOptions, fields: OPTION_FIELDS, keyPrefix: "option", idPrefix: id });
  const criteria = useEditableRows({ initial: start.criteria, fields: CRITERION_FIELDS, keyPrefix: "criterion", idPrefix: id });
  const [anonymous, setAnonymous] = useState(start.anonymous);
  // The browser's zone is known once hydrated; until then (and without JavaScript) deadlines read as the server wrote them.
  const { zoneName, offset, weighting, scoring } = useDeadlines(start);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed submit, take the person to the first thing to fix.
  useEffect(() => {
    if (state.ok || !state.fieldErrors) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-group-error]')?.focus();
  }, [state]);

  const errors = state.fieldErrors ?? {};
  const numberingNow = (): Submitted => ({ customOptions: customOptions.filledKeys(), criteria: criteria.filledKeys() });
  const numbering = submitted ?? numberingNow();
  const rowError = (group: keyof Submitted) => (key: string, field: string) => {
    const index = numbering[group].indexOf(key);
    return index < 0 ? undefined : errors[`${group}.${index}.${field}`];
  };
  const optionsError = errors.options ?? Object.entries(errors).find(([k]) => k.startsWith("frameworks"))?.[1];
  const handled = (key: string) =>
    ["title", "context", "options", "criteria", "anonymous", "weightingDeadline", "scoringDeadline"].includes(key) ||
    /^(frameworks|customOptions\.|criteria\.)/.test(key);
  const otherErrors = Object.entries(errors).filter(([key]) => !handled(key));

  const optionCount = frameworks.length + customOptions.filledKeys().length;
  const groupErrorId = (name: string) => `${id}-${name}-error`;

  return (
    <ActionForm
      ref={formRef}
      action={action}
      // Before ActionForm submits: remember which rows the server will number, to place its errors.
      onSubmitCapture={() => setSubmitted(numberingNow())}
      className="space-y-6"
      noValidate
    >
      <input type="hidden" name="teamId" value={teamId} />
      {edit ? (
        <>
          <input type="hidden" name="decisionId" value={edit.decisionId} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      <input type="hidden" name="timezoneOffset" value={offset} />

      <Group legend="What is being decided">
        <div className="space-y-4">
          <Field
            label="Title"
            name="title"
            defaultValue={start.title}
            maxLength={LIMITS.title}
            placeholder="Backend framework for the billing service"
            hint="A short question or name the team will recognise in the decision log."
            state={state}
          />
          <TextAreaField
            label="Context"
            name="context"
            defaultValue={start.context}
            maxLength={LIMITS.context}
            rows={6}
            hint="Optional. The problem this decision answers, constraints and anything already ruled out. Plain text; line breaks are kept."
            error={errors.context}
          />
        </div>
      </Group>

      <OptionsGroup
        id={id}
        catalog={catalog}
        frameworks={frameworks}
        setFrameworks={setFrameworks}
        customOptions={customOptions}
        optionCount={optionCount}
        showCount={zoneName !== null}
        error={optionsError}
        errorId={groupErrorId("options")}
        rowError={rowError("customOptions")}
      />

      <CriteriaGroup id={id} criteria={criteria} error={errors.criteria} errorId={groupErrorId("criteria")} rowError={rowError("criteria")} />

      <ParticipationGroup
        id={id}
        anonymous={anonymous}
        setAnonymous={setAnonymous}
        anonymousError={errors.anonymous}
        weighting={{ ...weighting, error: errors.weightingDeadline }}
        scoring={{ ...scoring, error: errors.scoringDeadline }}
        zoneName={zoneName}
        offset={offset}
      />

      <div className="space-y-3">
        <FormMessage state={state} />
        {otherErrors.length > 0 ? (
          <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-300">
            {otherErrors.map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingLabel={edit ? "Saving…" : "Creating…"}>{edit ? "Save changes" : "Create decision"}</SubmitButton>
          <Link href={cancelHref} className={buttonClass("secondary")}>
            Cancel
          </Link>
        </div>
      </div>
    </ActionForm>
  );
}
