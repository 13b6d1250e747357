import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_PREFERENCES, type EmailPreference } from '@vigil/domain';
import { UserResponse } from '../../users/dto/user.response.js';

/**
 * What sign-in and every refresh answer. The refresh token is not here: it travels only in the
 * HttpOnly `vigil_refresh` cookie, scoped to `POST /api/auth/refresh`.
 */
export class SessionResponse {
  @ApiProperty({ description: 'Bearer token for API calls; short-lived' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({
    format: 'date-time',
    description: 'The absolute end of this session: sign in again after it, whatever the refreshes',
  })
  sessionExpiresAt!: string;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}

/** The signed-in user and their packed CASL rules, for the browser's `can()`. */
export class MeResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({
    description: 'CASL rules packed with packRules()',
    type: 'array',
    items: { type: 'array', items: {} },
  })
  rules!: unknown[];
  /** How notifications reach this user by e-mail (PATCH /auth/me/preferences changes it). */
  @ApiProperty({ enum: EMAIL_PREFERENCES, description: 'E-mail for notifications' })
  emailNotifications!: EmailPreference;
}
