/** Ids and a minimal valid draft for the decision schemas' tests. */
export const TEAM_ID = "3f2c9a4e-8b1d-4c6e-9a7f-2d5b8e1c4a90";
export const DECISION_ID = "b6e0d1c2-7a3f-4e58-8c9d-0f1e2a3b4c5d";
export const OPTION_ID = "0e6f3b1a-2c4d-4e5f-8a9b-1c2d3e4f5a6b";
export const CRITERION_ID = "7d1c2b3a-4e5f-4a6b-9c8d-2e3f4a5b6c7d";
/** What every form about one decision posts first. */
export const ref = { teamId: TEAM_ID, decisionId: DECISION_ID };

/** A new decision's form as posted, valid as it stands; `fields` replace or add to it. */
export const draft = (fields: Record<string, unknown> = {}) => ({
  teamId: TEAM_ID,
  title: "Backend framework",
  frameworks: ["nextjs", "remix"],
  criteria: { 0: { name: "Speed" } },
  timezoneOffset: "0",
  ...fields,
});
