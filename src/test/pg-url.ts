/**
 * Name of the migrated template database that test files clone on PostgreSQL: one per test run (named after
 * the run's process), so two runs on one server do not disturb each other.
 */
export const templateDb = () => process.env.SHAHRDEH_TEST_TEMPLATE ?? 'shahrdeh_tpl';

/** The same connection URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** True when a process with this id is running on this machine. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
