// Jest loads global setup outside its module mapper: register the TypeScript loader, then delegate.
import { register } from 'node:module';

register('@swc-node/register/esm', import.meta.url);

export default async function globalSetup() {
  const { default: setup } = await import('./global-setup-impl.ts');
  await setup();
}
