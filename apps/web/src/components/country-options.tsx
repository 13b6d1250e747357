/** A country as the country list answers it. */
interface CountryOption {
  code: string;
  name: string;
}

/** The `<option>`s of a country select: an empty first choice, then every country by name. */
export function CountryOptions({
  countries,
  emptyLabel,
}: {
  countries: readonly CountryOption[];
  emptyLabel: string;
}) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );
}
