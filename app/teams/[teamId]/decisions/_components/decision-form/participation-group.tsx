"use client";

import { cx } from "@/app/_components/ui";
import { formatOffset } from "./deadline-time";
import { type Deadline, DeadlineInput, FieldError, Group, hintText } from "./form-parts";

/** How the team takes part: anonymity and the deadlines that close each phase. */
export function ParticipationGroup({
  id,
  anonymous,
  setAnonymous,
  anonymousError,
  weighting,
  scoring,
  zoneName,
  offset,
}: {
  id: string;
  anonymous: boolean;
  setAnonymous: (on: boolean) => void;
  anonymousError?: string;
  weighting: Deadline;
  scoring: Deadline;
  /** The browser's time zone; null until known (and without JavaScript), when times are UTC. */
  zoneName: string | null;
  offset: number;
}) {
  return (
    <Group legend="How the team takes part">
      <div className="flex items-start gap-3">
        <input
          id={`${id}-anonymous`}
          type="checkbox"
          name="anonymous"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
          aria-describedby={cx(`${id}-anonymous-hint`, anonymousError && `${id}-anonymous-error`)}
          aria-invalid={anonymousError ? true : undefined}
          className="mt-1 size-4 accent-brand-600"
        />
        <div>
          <label htmlFor={`${id}-anonymous`} className="text-sm font-medium">
            Anonymous decision
          </label>
          <p id={`${id}-anonymous-hint`} className="text-sm text-slate-600 dark:text-slate-400">
            Weights and scores are shown only in aggregate, never per person.
          </p>
          <FieldError id={`${id}-anonymous-error`} error={anonymousError} />
        </div>
      </div>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold">Deadlines (optional)</legend>
        <p id={`${id}-deadline-hint`} className={cx(hintText, "mb-3")}>
          When a deadline passes, that phase closes by itself; without one, the facilitator closes it. Times are in{" "}
          {zoneName ? `your time zone (${zoneName}, ${formatOffset(offset)})` : "UTC"}.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <DeadlineInput id={`${id}-weighting`} phase="weighting" deadline={weighting} hintId={`${id}-deadline-hint`} />
          <DeadlineInput id={`${id}-scoring`} phase="scoring" deadline={scoring} hintId={`${id}-deadline-hint`} />
        </div>
      </fieldset>
    </Group>
  );
}
