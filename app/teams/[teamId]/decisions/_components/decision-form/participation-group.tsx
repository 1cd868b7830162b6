"use client";

import { cx } from "@/app/_components/ui";
import { formatOffset } from "./deadline-time";
import { DeadlineInput, errorText, Group, hintText } from "./form-parts";

type Deadline = { value: string; onChange: (value: string) => void; error?: string };

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
          {anonymousError ? (
            <p id={`${id}-anonymous-error`} className={errorText}>
              {anonymousError}
            </p>
          ) : null}
        </div>
      </div>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold">Deadlines (optional)</legend>
        <p id={`${id}-deadline-hint`} className={cx(hintText, "mb-3")}>
          When a deadline passes, that phase closes by itself; without one, the facilitator closes it. Times are in{" "}
          {zoneName ? `your time zone (${zoneName}, ${formatOffset(offset)})` : "UTC"}.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <DeadlineInput
            id={`${id}-weighting`}
            label="Weighting closes"
            clearLabel="weighting deadline"
            name="weightingDeadline"
            value={weighting.value}
            onChange={weighting.onChange}
            hintId={`${id}-deadline-hint`}
            error={weighting.error}
          />
          <DeadlineInput
            id={`${id}-scoring`}
            label="Scoring closes"
            clearLabel="scoring deadline"
            name="scoringDeadline"
            value={scoring.value}
            onChange={scoring.onChange}
            hintId={`${id}-deadline-hint`}
            error={scoring.error}
          />
        </div>
      </fieldset>
    </Group>
  );
}
