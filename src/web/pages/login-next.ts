// Where the staff login goes once signed in. Pure (no React), so it is tested on its own.

/**
 * The page that sent the user to the login (`?next=`), when it is one a staff member may come back to: the staff
 * app (`/app…`) or a plan of the public showcase (`/showcase/…`, where a dehyari marks a plan and asks its author).
 * Anything else — another host (`//host`, `https:`), a backslash, an address outside these — goes to `/app`.
 */
export function safeNext(next: string | null): string {
  return next && /^\/(app(\/|$)|showcase\/)/.test(next) && !/[\\\s]/.test(next) ? next : '/app';
}
