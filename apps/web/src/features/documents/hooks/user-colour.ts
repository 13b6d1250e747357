/** `#RRGGBB` from HSL (the caret extension accepts only this form). */
function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/**
 * The same colour for the same person in every browser: a hash of their id picks the hue; the
 * lightness is low enough for white label text to stay readable on it.
 */
export function colourForUser(userId: string): string {
  let hash = 2166136261;
  for (const char of userId) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hslToHex(hash % 360, 0.7, 0.34);
}
