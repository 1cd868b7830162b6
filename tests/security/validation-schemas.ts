import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export type NamedSchema = { name: string; schema: z.ZodType };

const validationDir = path.resolve(import.meta.dirname, "../../lib/validation");

/**
 * Every zod schema exported from lib/validation, found by reading the folder, so a schema added
 * later is covered without anyone remembering to list it here.
 */
export async function allValidationSchemas(): Promise<NamedSchema[]> {
  const found: NamedSchema[] = [];
  for (const file of readdirSync(validationDir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const exports = (await import(path.join(validationDir, file))) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(exports)) {
      if (value instanceof z.ZodType) found.push({ name: `${file.replace(/\.ts$/, "")}.${exported}`, schema: value });
    }
  }
  return found;
}
