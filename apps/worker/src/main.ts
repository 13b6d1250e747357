import { ConfigError, loadConfig } from '@vigil/server';
import { createWorker } from './create-worker.js';

async function main(): Promise<void> {
  let config;
  try {
    // The worker needs no HTTP settings; JWT_SECRET is irrelevant to it. It never reads a source
    // (it sends e-mail, compacts documents, checks deadlines), so VIGIL_DATA_KEY is optional here.
    config = loadConfig(
      {
        JWT_SECRET: 'unused-by-the-worker-unused-by-the-worker',
        ...process.env,
      },
      { dataKey: 'optional' },
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const worker = await createWorker(config);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 15_000).unref();
    worker
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('Worker shutdown failed', error);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
