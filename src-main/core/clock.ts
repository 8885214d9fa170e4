/** Time in one place, so that stored timestamps all have the same ISO 8601 form. */
export const nowMs = (): number => Date.now();
export const isoNow = (): string => new Date().toISOString();
export const iso = (ms: number): string => new Date(ms).toISOString();
