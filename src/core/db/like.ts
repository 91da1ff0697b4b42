// LIKE patterns from what people type: `%` and `_` are letters to them, not wildcards.

/** Escapes LIKE's wildcards and its escape character (PostgreSQL's default escape is the backslash). */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The pattern matching text that contains `s` anywhere. */
export const containsPattern = (s: string): string => `%${likeEscape(s)}%`;
