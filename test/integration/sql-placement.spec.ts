import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { misplacedSql } from '../../tools/lint/sql-placement.js';
import { fileTrees } from '../support/file-tree.js';

// The lint step that keeps SQL in stores (issue 16, docs/architecture.md §18): it must find a
// statement planted in a controller or a service, and find none in the real tree.

const { tree, remove } = fileTrees('vigil-sql-');

afterAll(remove);

describe('SQL placement', () => {
  it('finds statements in a controller and a service, in strings and templates', () => {
    const root = tree({
      'framework/framework.controller.ts': "const q = 'SELECT id FROM risk_factors';\n",
      'cases/cases.service.ts': 'const t = `UPDATE cases c SET title = $1 WHERE ${w}`;\n',
      'cases/case.store.ts': "export const Q = 'SELECT * FROM cases';\n",
      'cases/case-readers.sql.ts': "export const R = 'EXISTS (SELECT 1 FROM case_members)';\n",
      'database/named-query.ts': "const x = 'SELECT 1';\n",
    });
    expect(
      misplacedSql(root)
        .map(({ file, line }) => `${file}:${line}`)
        .sort(),
    ).toEqual(['cases/cases.service.ts:1', 'framework/framework.controller.ts:1']);
  });

  it('reads literals only: comments and messages that name a keyword pass', () => {
    const root = tree({
      'cases/cases.service.ts':
        "// SELECT ... FOR UPDATE keeps writers in order\nconst m = 'Select a country';\n",
    });
    expect(misplacedSql(root)).toEqual([]);
  });

  it('finds no SQL outside stores in libs/server', () => {
    expect(misplacedSql(join(process.cwd(), 'libs/server/src'))).toEqual([]);
  });
});
