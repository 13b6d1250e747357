import { register } from 'node:module';

register('@swc-node/register/esm', import.meta.url);

export default async function globalTeardown() {
  const { default: teardown } = await import('./global-teardown-impl.ts');
  await teardown();
}
