/** A canonical UUID (the primary keys of cases, complaints, documents). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when `s` is a UUID. Check it before a lookup by id: PostgreSQL rejects a malformed uuid with an error,
 * and an unknown id must be a plain 404.
 */
export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID.test(s);
}
