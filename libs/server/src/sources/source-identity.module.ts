import { Module } from '@nestjs/common';
import { DataKeyring } from '../common/crypto/data-keys.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DataKeyCheck } from './data-key-check.js';
import { SourceCipher } from './source-cipher.js';
import { SourceStore } from './source.store.js';

/**
 * Source identities encrypted at rest: the keyring from VIGIL_DATA_KEY, the cipher, the store that
 * every read and write of `sources` goes through, and the start check of the keys.
 */
@Module({
  providers: [
    {
      provide: DataKeyring,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => DataKeyring.parse(config.VIGIL_DATA_KEY),
    },
    {
      provide: SourceCipher,
      inject: [DataKeyring],
      useFactory: (keyring: DataKeyring) => new SourceCipher(keyring),
    },
    {
      provide: SourceStore,
      inject: [SourceCipher],
      useFactory: (cipher: SourceCipher) => new SourceStore(cipher),
    },
    DataKeyCheck,
  ],
  exports: [SourceStore],
})
export class SourceIdentityModule {}
