import { closeTestPool } from '../support/factories.js';
import { buildFuzzWorld, type FuzzWorld } from './fixtures.js';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  fuzzOperation,
  operationsOfSuite,
  type StatusCounts,
} from './run-operation.js';

/** Time for one suite: fixtures plus FUZZ_RUNS requests on each of its operations. */
export const SUITE_TIMEOUT_MS = 120_000 + FUZZ_RUNS * 4_000;

/**
 * Declares the fuzz test of one suite: every operation of the running app's OpenAPI document
 * tagged for `suite` gets FUZZ_RUNS generated requests. Every failing operation is reported, not
 * just the first. Returns a getter for the world, for the suite's focused regression tests.
 */
export function fuzzSuite(suite: 'admin' | 'cases' | 'records'): () => FuzzWorld {
  let world: FuzzWorld | undefined;

  beforeAll(async () => {
    world = await buildFuzzWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.api.close();
    await closeTestPool();
  });

  it(
    `keeps the contract on every ${suite} route under generated and mutated requests`,
    async () => {
      if (!world) throw new Error('no world');
      const operations = operationsOfSuite(world.doc, suite);
      expect(operations.length).toBeGreaterThan(0);
      const failures: string[] = [];
      const seen: Record<string, StatusCounts> = {};
      for (const fop of operations) {
        try {
          seen[fop.key] = await fuzzOperation(world, fop);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failures.push(
            message
              .split('\n')
              .filter((line) => !/^\s+at |^Hint: /.test(line))
              .join('\n'),
          );
        }
      }
      if (process.env.FUZZ_REPORT) console.warn(JSON.stringify(seen, null, 1));
      expect({ seed: FUZZ_SEED, runs: FUZZ_RUNS, failures }).toEqual({
        seed: FUZZ_SEED,
        runs: FUZZ_RUNS,
        failures: [],
      });
      // Generated requests must get past validation somewhere: a suite where every answer is a
      // 4xx is not exercising the domain code.
      const accepted = Object.values(seen).reduce(
        (n, counts) =>
          n +
          Object.entries(counts)
            .filter(([s]) => s < '300')
            .reduce((m, [, c]) => m + c, 0),
        0,
      );
      expect(accepted).toBeGreaterThan(0);
    },
    SUITE_TIMEOUT_MS,
  );

  return () => {
    if (!world) throw new Error('the fuzz world is built in beforeAll');
    return world;
  };
}
