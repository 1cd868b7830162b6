import type { z } from "zod";

/** Every issue as "path: message", so a test pins exactly what the user would be shown. */
export function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected the input to be rejected, but it parsed to ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

export function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected the input to parse, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}
