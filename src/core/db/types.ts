import { customType } from 'drizzle-orm/pg-core';

/** `bytea` as a Node Buffer on both drivers (PGlite returns Uint8Array; pg returns Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});
