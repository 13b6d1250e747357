import { fingerprint, fingerprintDiff } from '../fuzz/db-fingerprint.js';
import { fuzzSuite } from '../fuzz/suite.js';
import { testPool } from '../support/factories.js';
import { detailFields, expectError } from '../support/http.js';

// Fuzzing (issue 7, item 4): information items and sources, attachments, documents,
// recommendations and engagements. See test/fuzz and test/api/fuzz-cases.e2e-spec.ts.

const world = fuzzSuite('records');

it('notices a changed, inserted or counted row of the suite (the "no change" check can fail)', async () => {
  const { scope, ids, sessions } = world();
  const before = await fingerprint(scope);
  await testPool().query(
    "UPDATE information_items SET description = description || '.' WHERE id = $1",
    [ids.item.primary],
  );
  await testPool().query(
    "INSERT INTO comments (case_id, thread, author_id, body) VALUES ($1, 'internal', $2, 'Silent.')",
    [ids.case.primary, sessions.lead.user.id],
  );
  await testPool().query(
    "INSERT INTO case_events (case_id, seq, type) SELECT $1, max(seq) + 1, 'probe' FROM case_events WHERE case_id = $1",
    [ids.case.primary],
  );
  const changes = fingerprintDiff(before, await fingerprint(scope));
  expect(changes).toEqual(
    expect.arrayContaining([
      `items ${ids.item.primary}: changed`,
      expect.stringMatching(/^comments [0-9a-f-]{36}: inserted$/),
      expect.stringMatching(/^case_events: \d+ → \d+$/),
    ]),
  );
});

it('refuses a null receivedDate on PATCH /information-items/:id with a 400 (NOT NULL: 500)', async () => {
  const { api, sessions, ids } = world();
  const current = await api
    .http()
    .get(`/api/information-items/${ids.item.primary}`)
    .set(sessions.lead.auth());
  const res = await api
    .http()
    .patch(`/api/information-items/${ids.item.primary}`)
    .set(sessions.lead.auth())
    .send({ version: (current.body as { version: number }).version, receivedDate: null });
  expect(detailFields(expectError(res, 400))).toEqual(['receivedDate']);
});
