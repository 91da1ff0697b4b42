// Settings of the complaints service read from the environment — here and nowhere else in the module.

const DAY_MS = 86_400_000;

/**
 * An integer setting from the environment. A bad value stops the server at start-up (this module is imported
 * then) rather than silently using the default.
 */
function readInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`invalid ${name}=${JSON.stringify(raw)}: must be an integer from ${min} to ${max}`);
  return n;
}

export const COMPLAINT_SETTINGS = {
  /**
   * COMPLAINT_REOPEN_DAYS: calendar days after an answer during which the citizen may rate or reopen the case;
   * then it closes by itself. Integer 1–90, default 7.
   */
  reopenDays: readInt('COMPLAINT_REOPEN_DAYS', 7, 1, 90),
  /**
   * COMPLAINT_SUBMITS_PER_HOUR: complaints (and additions of information) one signed-in citizen may send per hour
   * (counted in the database, across all instances), default 30 — a person never needs more; a script with one verified mobile is stopped.
   * Benchmarks raise it.
   */
  submitsPerHour: readInt('COMPLAINT_SUBMITS_PER_HOUR', 30, 1, 1_000_000),
} as const;

/** When the satisfaction window of an answer given at `answeredAt` ends (rating/reopen allowed until then; auto-close then). */
export function satisfactionWindowEnd(answeredAt: Date): Date {
  return new Date(answeredAt.getTime() + COMPLAINT_SETTINGS.reopenDays * DAY_MS);
}
