-- Extensions and SQL functions the tables below depend on. Same SQL on PGlite and on PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Persian normalization for search keys: FA_NORMALIZE_SQL of src/core/fa, generated from the same character
-- table as normalizeFa() (src/core/db/fa-sql.test.ts checks the migrated function against the JS one).
CREATE OR REPLACE FUNCTION fa_normalize(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(translate(regexp_replace(regexp_replace(t, E'\u0627\u0653', E'\u0622', 'g'), E'[\u064A\u0649\u06CC]\u0654', E'\u0626', 'g'), E'\u064A\u0649\u0643\u06C0\u0629\u0623\u0625\u0671\u0624\u06F0\u0660\u06F1\u0661\u06F2\u0662\u06F3\u0663\u06F4\u0664\u06F5\u0665\u06F6\u0666\u06F7\u0667\u06F8\u0668\u06F9\u0669ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0009\u000A\u000B\u000C\u000D\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\u200B\u200C\u200D\uFEFF\u0640\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065A\u065B\u065C\u065D\u065E\u065F\u0670\u00AD\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069', E'\u06CC\u06CC\u06A9\u0647\u0647\u0627\u0627\u0627\u064800112233445566778899abcdefghijklmnopqrstuvwxyz                            '), ' +', ' ', 'g'), ' ')
$$;
