import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { folderCycles, folderEdges } from '../../tools/lint/folder-cycles.js';
import { fileTrees } from '../support/file-tree.js';

// The lint step that keeps the folders of libs/server in one direction (issue 16): it must find
// a planted circle, and find none in the real tree.

const { tree, remove } = fileTrees('vigil-cycles-');

afterAll(remove);

describe('folder cycles', () => {
  it('finds a circle planted through a type-only import and a re-export', () => {
    const root = tree({
      'cases/cases.service.ts':
        "import type { Hub } from '../realtime/hub.js';\nexport class C {}\n",
      'realtime/hub.ts': "export * from '../common/ids.js';\nexport class Hub {}\n",
      'common/ids.ts': "import { C } from '../cases/cases.service.js';\nexport const x = C;\n",
      'config/app-config.ts': "import { x } from '../common/ids.js';\nexport const y = x;\n",
      'index.ts': "export * from './cases/cases.service.js';\n",
    });
    expect(folderCycles(folderEdges(root))).toEqual([['cases', 'common', 'realtime']]);
  });

  it('lets folders depend on each other in one direction, and ignores spec files', () => {
    const root = tree({
      'cases/cases.service.ts': "import { x } from '../common/ids.js';\nexport const c = x;\n",
      'common/ids.ts': 'export const x = 1;\n',
      'common/ids.spec.ts': "import { c } from '../cases/cases.service.js';\n",
    });
    expect(folderCycles(folderEdges(root))).toEqual([]);
  });

  it('finds no circle between the folders of libs/server', () => {
    expect(folderCycles(folderEdges(join(process.cwd(), 'libs/server/src')))).toEqual([]);
  });
});
