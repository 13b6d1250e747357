import { canonicalJson, type JsonValue } from '@vigil/domain';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { chainHash } from './audit-chain.js';

// audit_append (SQL) builds the canonical row as canonicalWithoutSeq + withSeq do; entries written
// before it were hashed over canonicalJson of the whole row. Both must give the same hash.
describe('the hash the database computes', () => {
  it('is sha256(prev_hash ‖ canonical row) (docs/architecture.md §12) for any content', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    const json: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String),
          at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          actorId: fc.option(fc.uuid()),
          action: text,
          entity: text,
          entityId: fc.option(text),
          caseId: fc.option(fc.uuid()),
          diff: fc.dictionary(text, json),
          requestId: fc.option(text),
        }),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
        (row, prev) => {
          const canonical = canonicalJson({ ...row } as unknown as JsonValue);
          const expected = createHash('sha256').update(`${prev}\n${canonical}`).digest('hex');
          expect(chainHash(prev, row)).toBe(expected);
        },
      ),
    );
  });
});
