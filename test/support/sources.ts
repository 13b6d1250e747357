import type { Reliability, SourceKind } from '@vigil/domain';
import type pg from 'pg';
import { DataKeyring } from '../../libs/server/src/common/crypto/data-keys.js';
import { sqlOnPg } from '../../libs/server/src/database/sql-runner.js';
import { SourceCipher } from '../../libs/server/src/sources/source-cipher.js';
import { SourceStore } from '../../libs/server/src/sources/source.store.js';
import { testPool } from './factories.js';
import { TEST_DATA_KEY } from './test-config.js';

/** The store the api uses, with the test data key: factories write sources as the api would. */
export function testSourceStore(keys = TEST_DATA_KEY): SourceStore {
  return new SourceStore(new SourceCipher(DataKeyring.parse(keys)));
}

/** A source written straight to the database (encrypted like any other). Returns its id. */
export async function seedSource(
  fields: {
    createdBy: string;
    id?: string;
    name?: string;
    contactNotes?: string;
    kind?: SourceKind;
    reliability?: Reliability;
  },
  pool: pg.Pool = testPool(),
): Promise<string> {
  return testSourceStore().insert(sqlOnPg(pool), {
    name: 'Test monitor',
    contactNotes: '',
    kind: 'civil_society',
    reliability: 'B',
    ...fields,
  });
}
