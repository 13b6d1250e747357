import countries from 'i18n-iso-countries';

/** True for an ISO 3166-1 alpha-3 code (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/** English short name of an alpha-3 code. */
export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/** Every country, by name, for pickers and filters. */
export function allCountries(): { code: string; name: string }[] {
  return Object.keys(countries.getAlpha3Codes())
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
