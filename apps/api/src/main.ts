import { ConfigError, DataKeyError, loadConfig } from '@vigil/server';
import { createApp } from './create-app.js';

/** Starts the api; SIGTERM/SIGINT drain in-flight requests and close the database pool. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApp(config);
  try {
    // listen() initialises the modules first: the data keys are checked before any request.
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    if (error instanceof DataKeyError) {
      console.error(error.message);
      await app.close().catch(() => undefined);
      process.exit(78);
    }
    throw error;
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(`Shutdown after ${signal} failed`, error);
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
