// Masked identifiers, as people outside a case's scope may see them (public lists, verification pages, staff
// without identity rights). One place, so every service masks the same way.

/** '09121234567' → '0912***4567' (enough to recognise a number the citizen reads out, not to call it). */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (!mobile) return null;
  return mobile.length <= 7 ? '***' : `${mobile.slice(0, 4)}***${mobile.slice(-4)}`;
}

/** A national code as published: the first two and last three digits, the rest hidden ('00*****419'). */
export function maskNationalCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 2)}*****${code.slice(7)}` : '**********';
}

/** A name as the public verification shows it: first letter of each word, the last letter of the last word. */
export function maskName(first: string, last: string): string {
  const word = (w: string, keepLast: boolean) => {
    const chars = [...w];
    if (chars.length <= 1) return w;
    return chars[0] + '*'.repeat(Math.max(1, chars.length - (keepLast ? 2 : 1))) + (keepLast ? chars[chars.length - 1] : '');
  };
  return `${first.split(/\s+/).map((w) => word(w, false)).join(' ')} ${last.split(/\s+/).map((w, i, all) => word(w, i === all.length - 1)).join(' ')}`;
}
