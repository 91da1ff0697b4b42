// The platform's clock for calendar rules that people rehearse (a festival's submission deadline): the real time,
// shifted by CLOCK_OFFSET_DAYS when a rehearsal on the embedded database asks for it (config refuses the shift
// with PostgreSQL, so a production server never runs on a fake date). Timestamps of records stay real.

let offsetMs = 0;

/** Shifts the clock by whole days (0 = the real time). Called once at startup from the configuration. */
export function setClockOffsetDays(days: number): void {
  offsetMs = Math.round(days) * 86_400_000;
}

/** Now, as deadline rules see it. */
export function clockNow(): Date {
  return new Date(Date.now() + offsetMs);
}
