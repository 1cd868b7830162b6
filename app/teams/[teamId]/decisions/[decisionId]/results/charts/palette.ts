/** Colours come from CSS variables set in app/styles/results-charts.css, so they follow light and dark mode. */
export const criterionColour = (index: number) => `var(--criterion-${index % 10})`;
export const optionColour = (index: number) => `var(--option-${index % 4})`;
/** Line styles for the profile's options, so they differ by more than colour. */
const DASHES = [undefined, "7 4", "2 3", "10 3 2 3"] as const;
export const optionDash = (index: number) => DASHES[index % DASHES.length];
