import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgDivisions } from '../org/schema.js';

/** Staff (username + password) and citizens (mobile + one-time code) share one table of people. */
export const authUsers = pgTable(
  'auth_users',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<'staff' | 'citizen'>().notNull(),
    username: text('username').unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    mobile: text('mobile'),
    email: text('email'),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    failedLogins: smallint('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('auth_users_citizen_mobile').on(t.mobile).where(sql`${t.kind} = 'citizen'`)],
);

/** A role held by a user, bound to a node of the divisions tree (null = the whole country). */
export const authUserRoles = pgTable(
  'auth_user_roles',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => authUsers.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    divisionId: integer('division_id').references(() => orgDivisions.id),
  },
  (t) => [uniqueIndex('auth_user_roles_unique').on(t.userId, t.role, t.divisionId), index('auth_user_roles_user').on(t.userId)],
);

/** Server-side sessions: any instance can read them. `id` is the SHA-256 of the cookie token, never the token. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => authUsers.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('auth_sessions_user').on(t.userId), index('auth_sessions_expires').on(t.expiresAt)],
);

/** One-time codes sent to a mobile. Only a hash is kept; attempts are counted per code. */
export const authOtps = pgTable(
  'auth_otps',
  {
    id: serial('id').primaryKey(),
    mobile: text('mobile').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_otps_mobile').on(t.mobile, t.createdAt)],
);
