import { useCountries } from '../../situations/hooks/use-cases';

/** A country's English name from its ISO alpha-3 code (the code until the list has loaded). */
export function CountryName({ code }: { code: string }) {
  const countries = useCountries();
  const name = countries.data?.find((c) => c.code === code)?.name;
  return <>{name ?? code}</>;
}
