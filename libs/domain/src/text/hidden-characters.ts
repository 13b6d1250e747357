/**
 * Characters that change how text reads without showing themselves: the Unicode bidirectional
 * controls (U+202E RIGHT-TO-LEFT OVERRIDE turns `report\u202Efdp.txt` into what reads as
 * `reporttxt.pdf`; U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) and the default-ignorable
 * code points, which render as nothing (zero-width spaces and joiners, U+FEFF, soft hyphen, Hangul
 * fillers, tag characters…). Variation selectors are default-ignorable too but only choose a
 * glyph (the emoji style of ❤️), so they are left alone. C0 and C1 controls are included: they
 * have no business in a name or a title either.
 */
const HIDDEN =
  /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');

/** `U+202E` for a character: how a hidden character is named, in messages and on screen. */
export function codePointName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first hidden character of `text` (see above) as `U+XXXX`, or null when it has none. */
export function findHiddenCharacter(text: string): string | null {
  const match = HIDDEN.exec(text);
  return match ? codePointName(match[0]) : null;
}

/** A piece of text: as it is, or one hidden character (`hidden: 'U+202E'`). */
export type VisibleSegment =
  { text: string; hidden?: undefined } | { text: string; hidden: string };

/** `text` cut into runs of ordinary text and single hidden characters, in order. */
export function splitHiddenCharacters(text: string): VisibleSegment[] {
  const segments: VisibleSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN_ALL)) {
    const at = match.index ?? 0;
    if (at > last) segments.push({ text: text.slice(last, at) });
    segments.push({ text: match[0], hidden: codePointName(match[0]) });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** `text` with each hidden character written out as `⟨U+202E⟩`, for plain-text places. */
export function showHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_ALL, (character) => `⟨${codePointName(character)}⟩`);
}
