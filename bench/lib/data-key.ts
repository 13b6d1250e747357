import { DataKeyring, SourceCipher, SourceStore } from '@vigil/server';

/**
 * The data key of every benchmark api and seed (VIGIL_DATA_KEY): a benchmark database is made and
 * dropped by its run, so a fixed key is enough.
 */
export const BENCH_DATA_KEY = 'bench:uxvi06rcKACGANdeBGlA+QgXGMjNr0jXEFm8Cj6rD10=';

/** The store the api uses, with the benchmark key: seeded sources are encrypted like any other. */
export function benchSourceStore(): SourceStore {
  return new SourceStore(new SourceCipher(DataKeyring.parse(BENCH_DATA_KEY)));
}
