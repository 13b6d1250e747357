import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './openapi-document.js';

const TARGET = 'libs/client/src/generated/api-types.ts';
const HEADER =
  "// Generated from the api's OpenAPI document by `npm run client:generate`. Do not edit.\n\n";

/** The TypeScript types of the current OpenAPI document. */
export async function generatedTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)));
  return HEADER + astToString(ast);
}

async function main(): Promise<void> {
  const types = await generatedTypes();
  if (process.argv.includes('--check')) {
    const current = readFileSync(TARGET, 'utf8');
    if (current !== types) {
      console.error(`${TARGET} is stale: run npm run client:generate and commit the result.`);
      process.exit(1);
    }
    console.log(`${TARGET} is up to date.`);
    return;
  }
  writeFileSync(TARGET, types);
  console.log(`Wrote ${TARGET}.`);
}

if (process.argv[1]?.endsWith('generate-client.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
