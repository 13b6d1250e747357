import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_PREFERENCES, type EmailPreference } from '@vigil/domain';
import { UserResponse } from '../../users/dto/user.response.js';

/** Tokens handed out at sign-in and on every refresh. */
export class SessionResponse {
  @ApiProperty({ description: 'Bearer token for API calls; short-lived' }) accessToken!: string;
  @ApiProperty({ description: 'Single-use token for POST /auth/refresh' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
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
