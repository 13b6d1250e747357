/** The TopoJSON world of `world-atlas` (numeric ISO 3166-1 ids; a few disputed areas have none). */
declare module 'world-atlas/countries-110m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';

  const atlas: Topology<{ countries: GeometryCollection<{ name: string }> }>;
  export default atlas;
}
