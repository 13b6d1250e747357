import { useMemo, type ReactNode } from 'react';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import * as isoCountries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';
import { STAGES, type Stage } from '@vigil/domain';
import type { CountryCount } from '../api/cases-api';
import { STAGE_COLOURS, STAGE_LABELS } from './stage';

const WIDTH = 960;
const HEIGHT = 470;

interface Shape {
  key: string;
  alpha3: string | null;
  name: string;
  d: string;
}

let shapesCache: Shape[] | null = null;

/** Country outlines projected once (Antarctica left out to save space). */
function worldShapes(): Shape[] {
  if (shapesCache) return shapesCache;
  const countries = feature(atlas, atlas.objects.countries);
  const features = countries.features.filter((f) => f.id !== '010');
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], {
    type: 'FeatureCollection',
    features,
  });
  const path = geoPath(projection);
  shapesCache = features.map((f, index) => {
    const id = f.id === undefined ? null : String(f.id);
    return {
      key: id ?? `${f.properties.name}-${index}`,
      alpha3: id ? (isoCountries.numericToAlpha3(id) ?? null) : null,
      name: f.properties.name,
      d: path(f) ?? '',
    };
  });
  return shapesCache;
}

/** "2 situations, highest stage alert". */
export function countryDescription(count: CountryCount): string {
  const situations = `${count.total} situation${count.total === 1 ? '' : 's'}`;
  return `${situations}, highest stage ${STAGE_LABELS[count.highestStage].toLowerCase()}`;
}

interface WorldMapProps {
  byCountry: CountryCount[];
  selectedCountry: string;
  onSelectCountry: (code: string) => void;
}

/**
 * World map: countries with situations are filled with the colour and texture of their highest
 * stage and are links that filter the list; the legend and a screen-reader list give the same in text.
 */
export function WorldMap({ byCountry, selectedCountry, onSelectCountry }: WorldMapProps) {
  const shapes = useMemo(worldShapes, []);
  const counts = useMemo(() => new Map(byCountry.map((c) => [c.country, c])), [byCountry]);
  const sortedCounts = useMemo(
    () => [...byCountry].sort((a, b) => a.countryName.localeCompare(b.countryName)),
    [byCountry],
  );
  const neutral = shapes.filter((s) => !s.alpha3 || !counts.has(s.alpha3));
  const coloured = shapes.filter((s) => s.alpha3 && counts.has(s.alpha3));

  return (
    <div className="world-map">
      <svg
        className="world-map__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label="World map of situations"
      >
        <StagePatterns />
        <g aria-hidden="true">
          {neutral.map((s) => (
            <path key={s.key} d={s.d} className="world-map__country" />
          ))}
        </g>
        <g>
          {coloured.map((s) => {
            const count = s.alpha3 ? counts.get(s.alpha3) : undefined;
            if (!count) return null;
            const label = `${count.countryName}: ${countryDescription(count)}`;
            const selected = selectedCountry === count.country;
            return (
              <a
                key={s.key}
                href={`#country-${count.country}`}
                role="link"
                aria-label={label}
                aria-current={selected ? 'true' : undefined}
                className="world-map__link"
                onClick={(event) => {
                  event.preventDefault();
                  onSelectCountry(selected ? '' : count.country);
                }}
              >
                <title>{label}</title>
                <path
                  d={s.d}
                  style={{ fill: `url(#stage-pattern-${count.highestStage})` }}
                  className={`world-map__country--active${selected ? ' world-map__country--selected' : ''}`}
                />
              </a>
            );
          })}
        </g>
      </svg>
      <ul className="map-legend" aria-label="Legend">
        {STAGES.map((stage) => (
          <li key={stage} className="map-legend__item">
            <svg width="28" height="18" aria-hidden="true" className="map-legend__swatch">
              <rect width="28" height="18" fill={`url(#stage-pattern-${stage})`} stroke="#4a5461" />
            </svg>
            {STAGE_LABELS[stage]}
          </li>
        ))}
        <li className="map-legend__item">
          <svg width="28" height="18" aria-hidden="true" className="map-legend__swatch">
            <rect width="28" height="18" className="world-map__country" />
          </svg>
          No situations
        </li>
      </ul>
      <div className="visually-hidden">
        <h3>Situations by country</h3>
        {sortedCounts.length === 0 ? (
          <p>No situations match these filters.</p>
        ) : (
          <ul>
            {sortedCounts.map((c) => (
              <li key={c.country}>
                {c.countryName}: {countryDescription(c)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A colour plus a texture per stage, so stages differ by more than hue. */
function StagePatterns() {
  const texture: Record<Stage, ReactNode> = {
    monitoring: null,
    alert: <circle cx="3" cy="3" r="1.1" fill="#1a1f26" fillOpacity="0.55" />,
    recommendation: <path d="M0 6 L6 0" stroke="#1a1f26" strokeOpacity="0.5" strokeWidth="1" />,
    mobilisation: (
      <path d="M0 6 L6 0 M0 0 L6 6" stroke="#ffffff" strokeOpacity="0.7" strokeWidth="1" />
    ),
    closed: <path d="M0 3 H6" stroke="#1a1f26" strokeOpacity="0.4" strokeWidth="1" />,
  };
  return (
    <defs>
      {STAGES.map((stage) => (
        <pattern
          key={stage}
          id={`stage-pattern-${stage}`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
        >
          <rect width="6" height="6" fill={STAGE_COLOURS[stage]} />
          {texture[stage]}
        </pattern>
      ))}
    </defs>
  );
}
