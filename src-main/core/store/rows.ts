/** Small helpers for mapping SQLite rows. */
export const json = <T>(value: string | null): T | null => (value === null ? null : (JSON.parse(value) as T));
