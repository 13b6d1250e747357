import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EMAIL_PREFERENCES, type EmailPreference } from '@vigil/domain';

/** The caller's own settings that they may change themselves. */
export class UpdatePreferencesDto {
  /** How notifications reach the caller by e-mail: never, one by one, or once a day. */
  @ApiProperty({ enum: EMAIL_PREFERENCES, description: 'E-mail for notifications' })
  @IsIn(EMAIL_PREFERENCES)
  emailNotifications!: EmailPreference;
}

/** The caller's preferences as stored. */
export class PreferencesResponse {
  @ApiProperty({ enum: EMAIL_PREFERENCES, description: 'E-mail for notifications' })
  emailNotifications!: EmailPreference;
}
