/** Name of the migrated template database that test files clone on PostgreSQL. */
export const TEMPLATE_DB = 'shahrdeh_tpl';

/** The same connection URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
