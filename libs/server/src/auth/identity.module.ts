import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessTokenService } from './access-token.service.js';
import { PasswordService } from './password.service.js';
import { PasswordStrength } from './password-strength.js';
import { RefreshTokenService } from './refresh-token.service.js';

/** Passwords and tokens: what users, auth and the access guard all need. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a plain string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verification, which costs most of a millisecond per request.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
      }),
    }),
  ],
  providers: [PasswordService, PasswordStrength, AccessTokenService, RefreshTokenService],
  exports: [PasswordService, PasswordStrength, AccessTokenService, RefreshTokenService],
})
export class IdentityModule {}
