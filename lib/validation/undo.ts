import { z } from "zod";
import { id, wholeNumber } from "./fields";

// The forms that take a step back: a decision to draft, a member's own sheet.

const decisionRef = { teamId: id("team"), decisionId: id("decision") };

export const returnToDraftSchema = z.object({
  ...decisionRef,
  /** How many members' weights the facilitator was told would be set aside. */
  setAside: wholeNumber({
    invalid: "Reload the page and try again",
    min: [0, "Reload the page and try again"],
    max: [100_000, "Reload the page and try again"],
  }),
  confirm: z.literal("on", { error: "Tick the box to confirm that the weights given so far will be set aside" }),
});
export type ReturnToDraftInput = z.infer<typeof returnToDraftSchema>;

export const withdrawSheetSchema = z.object({
  ...decisionRef,
  kind: z.enum(["weights", "scores"], { error: "Unknown sheet" }),
  confirm: z.literal("on", { error: "Tick the box to confirm that you are taking your sheet back" }),
});
export type WithdrawSheetInput = z.infer<typeof withdrawSheetSchema>;
