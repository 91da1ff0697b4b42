-- Extensions and SQL functions the tables below depend on. Same SQL on PGlite and on PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Persian normalization for search keys; must match normalizeFa() in src/core/fa (a test checks them against each other).
CREATE OR REPLACE FUNCTION fa_normalize(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(
    translate(
      regexp_replace(
        translate(t, 'يىكۀةأإٱؤ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'ییکههاااو01234567890123456789abcdefghijklmnopqrstuvwxyz'),
        E'[\u0640\u064B-\u065F\u0670]', '', 'g'),
      E'\u200c\u200b\u200d\ufeff', '    '),
    '\s+', ' ', 'g'))
$$;
