/** The ids the fixture made, by kind, and the facts a route's parameters need. */
export interface Fixture {
  ids: Map<string, Set<string>>;
  /** document id → its version numbers. */
  versions: Map<string, number>;
  countries: Set<string>;
  indicatorIds: Set<string>;
  /** id → who may read that record (probe names), for the filter oracle. */
  readers: Map<string, Set<string>>;
}

/** An empty fixture. */
export function newFixture(): Fixture {
  return {
    ids: new Map(),
    versions: new Map(),
    countries: new Set(),
    indicatorIds: new Set(),
    readers: new Map(),
  };
}

/** Records an id of a kind (and who may read that record, if given) for the routes to use. */
export function remember(fixture: Fixture, kind: string, id: string, readers?: Iterable<string>) {
  const set = fixture.ids.get(kind) ?? new Set<string>();
  set.add(id);
  fixture.ids.set(kind, set);
  if (readers) fixture.readers.set(id, new Set(readers));
}
