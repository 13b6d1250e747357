import { fuzzSuite } from '../fuzz/suite.js';

// Fuzzing (issue 7, item 4): information items and sources, attachments, documents,
// recommendations and engagements. See test/fuzz and test/api/fuzz-cases.e2e-spec.ts.

fuzzSuite('records');
