import { Module } from '@nestjs/common';
import { AuditCoreModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { IdentityModule } from '../auth/identity.module.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PreferencesService } from './preferences.service.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { NotificationsCoreModule } from '../notifications/notifications.module.js';

@Module({
  imports: [IdentityModule, UsersModule, AuditCoreModule, NotificationsCoreModule],
  controllers: [AuthController],
  providers: [AuthService, LoginRateLimiter, PreferencesService, SignInThrottle],
})
export class AuthModule {}
