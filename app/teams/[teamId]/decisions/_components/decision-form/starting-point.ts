import type { FormState } from "@/lib/validation/form-data";

export type CatalogChoice = { slug: string; name: string; language: string };

export type DecisionFormInitial = {
  title: string;
  context: string;
  frameworks: string[];
  customOptions: { name: string; description: string; link: string }[];
  criteria: { name: string; description: string }[];
  anonymous: boolean;
  /** datetime-local values in UTC ("" for none); the browser shows them in its own time zone. */
  weightingDeadline: string;
  scoringDeadline: string;
};

export const OPTION_FIELDS = ["name", "description", "link"] as const;
export const CRITERION_FIELDS = ["name", "description"] as const;

/** Rows echoed by the server when the form was posted without JavaScript. */
function rowsFromValues<K extends string>(values: Record<string, string>, prefix: string, fields: readonly K[]): Record<K, string>[] {
  const byIndex = new Map<number, Record<K, string>>();
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`);
  for (const [key, value] of Object.entries(values)) {
    const match = pattern.exec(key);
    if (!match || !(fields as readonly string[]).includes(match[2]!)) continue;
    const index = Number(match[1]);
    const row = byIndex.get(index) ?? (Object.fromEntries(fields.map((f) => [f, ""])) as Record<K, string>);
    row[match[2] as K] = value;
    byIndex.set(index, row);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** What the form opens with: the decision as stored, or what was posted without JavaScript. */
export function startingPoint(initial: DecisionFormInitial, state: FormState) {
  const values = state.values;
  if (!values) return { ...initial, offset: 0 };
  return {
    title: values.title ?? initial.title,
    context: values.context ?? initial.context,
    // Repeated names come back as one value: without JavaScript only the last tick survives.
    frameworks: values.frameworks ? [values.frameworks] : [],
    customOptions: rowsFromValues(values, "customOptions", OPTION_FIELDS),
    criteria: rowsFromValues(values, "criteria", CRITERION_FIELDS),
    anonymous: values.anonymous === "on",
    weightingDeadline: values.weightingDeadline ?? "",
    scoringDeadline: values.scoringDeadline ?? "",
    offset: Number(values.timezoneOffset) || 0,
  };
}

export type StartingPoint = ReturnType<typeof startingPoint>;
