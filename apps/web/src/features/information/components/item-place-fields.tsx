import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import type { Country } from '../../situations/api/cases-api';
import type { ItemFormValues } from './item-form-values';
import { CountryOptions } from '../../../components/country-options';

interface ItemPlaceFieldsProps {
  values: ItemFormValues;
  set: <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => void;
  errors: Record<string, string>;
  countries: Country[];
}

/** Where: country, administrative area, place name and optional coordinates. */
export function ItemPlaceFields({ values, set, errors, countries }: ItemPlaceFieldsProps) {
  return (
    <fieldset className="fieldset form-section">
      <legend className="form-section__title">Where</legend>
      <div className="form-grid">
        <SelectField
          label="Country"
          name="country"
          required
          value={values.country}
          error={errors['country']}
          onChange={(e) => set('country', e.target.value)}
        >
          <CountryOptions countries={countries} emptyLabel="Choose a country…" />
        </SelectField>
        <TextField
          label="Administrative area"
          name="adminArea"
          maxLength={200}
          value={values.adminArea}
          error={errors['adminArea']}
          onChange={(e) => set('adminArea', e.target.value)}
        />
        <TextField
          label="Place name"
          name="placeName"
          maxLength={200}
          value={values.placeName}
          error={errors['placeName']}
          onChange={(e) => set('placeName', e.target.value)}
        />
        <TextField
          label="Latitude"
          name="latitude"
          inputMode="decimal"
          hint="Optional, −90 to 90"
          value={values.latitude}
          error={errors['latitude']}
          onChange={(e) => set('latitude', e.target.value)}
        />
        <TextField
          label="Longitude"
          name="longitude"
          inputMode="decimal"
          hint="Optional, −180 to 180"
          value={values.longitude}
          error={errors['longitude']}
          onChange={(e) => set('longitude', e.target.value)}
        />
      </div>
    </fieldset>
  );
}
