import { fuzzSuite } from '../fuzz/suite.js';
import { expectError } from '../support/http.js';

// Fuzzing (issue 7, item 4): cases, workflow, assessments, comments and priority situations.
// Requests are generated from the running app's OpenAPI schemas and mutated; see test/fuzz.
// Reproduce or lengthen: FUZZ_SEED=<seed> FUZZ_RUNS=200 FUZZ_ONLY='POST /api/cases'.

const world = fuzzSuite('cases');

describe('regressions found by fuzzing', () => {
  it('refuses a timeline cursor beyond the int range with a 400, not a database error', async () => {
    const { api, sessions, ids } = world();
    for (const after of ['2147483648', '9007199254740992']) {
      const timeline = await api
        .http()
        .get(`/api/cases/${ids.case.primary}/events`)
        .query({ after })
        .set(sessions.lead.auth());
      expect(expectError(timeline, 400).details).toEqual([
        expect.objectContaining({ field: 'after' }),
      ]);
      const restricted = await api
        .http()
        .get(`/api/priority-situations/${ids.case.primary}/events`)
        .query({ after })
        .set(sessions.ft.auth());
      expect(expectError(restricted, 400).details).toEqual([
        expect.objectContaining({ field: 'after' }),
      ]);
    }
    const last = await api
      .http()
      .get(`/api/cases/${ids.case.primary}/events`)
      .query({ after: '2147483647' })
      .set(sessions.lead.auth());
    expect({ status: last.status, items: (last.body as { items: unknown[] }).items }).toEqual({
      status: 200,
      items: [],
    });
  });
});
