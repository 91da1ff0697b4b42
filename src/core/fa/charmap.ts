// The tables behind normalizeFa and FA_NORMALIZE_SQL. Both are generated from these, so JS and SQL cannot drift.
// Characters are written as \u escapes on purpose: several are invisible or look identical to others.

/** Sequences composed before the character pass, as [regular expression, replacement] (valid in JS and PostgreSQL). */
export const COMPOSE: ReadonlyArray<readonly [string, string]> = [
  ['\u0627\u0653', '\u0622'], // ا + maddah above → آ (otherwise removing the mark would turn آ into ا)
  ['[\u064A\u0649\u06CC]\u0654', '\u0626'], // ی + hamza above → ئ
];

const pairs: Array<[string, string]> = [
  ['\u064A', '\u06CC'], // ي Arabic yeh → ی
  ['\u0649', '\u06CC'], // ى alef maksura → ی
  ['\u0643', '\u06A9'], // ك Arabic kaf → ک
  ['\u06C0', '\u0647'], // ۀ → ه
  ['\u0629', '\u0647'], // ة teh marbuta → ه
  ['\u0623', '\u0627'], // أ → ا
  ['\u0625', '\u0627'], // إ → ا
  ['\u0671', '\u0627'], // ٱ alef wasla → ا
  ['\u0624', '\u0648'], // ؤ → و
];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}

const chr = (c: number): string => String.fromCharCode(c);

// Persian ۰-۹ and Arabic-Indic ٠-٩ → 0-9; Latin A-Z → a-z (no other case folding, see normalizeFa).
for (let i = 0; i <= 9; i++) {
  pairs.push([chr(0x06f0 + i), String(i)], [chr(0x0660 + i), String(i)]);
}
for (let c = 0x41; c <= 0x5a; c++) pairs.push([chr(c), chr(c + 0x20)]);

// White space (everything JS `\s` matches) and zero-width characters → one space.
const SPACES = [
  ...range(0x09, 0x0d),
  0x85,
  0xa0,
  0x1680,
  ...range(0x2000, 0x200a),
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x3000,
  0x200b, // zero width space
  0x200c, // ZWNJ, the Persian half-space
  0x200d, // zero width joiner
  0xfeff, // BOM / zero width no-break space
];
for (const c of SPACES) pairs.push([chr(c), ' ']);

// Removed: tatweel, harakat and other Arabic marks, superscript alef, soft hyphen, bidi controls.
const DELETED = [
  0x0640,
  ...range(0x064b, 0x065f),
  0x0670,
  0x00ad,
  0x061c,
  0x200e,
  0x200f,
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
];
for (const c of DELETED) pairs.push([chr(c), '']);

/** One character → its replacement ('' = removed). Every key is a single BMP character. */
export const CHAR_MAP: ReadonlyMap<string, string> = new Map(pairs);
