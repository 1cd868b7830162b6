export const pct = (value: number) => `${Math.round(value * 100)}%`;
export const points = (value: number | null) => (value === null ? "—" : value.toFixed(1));
