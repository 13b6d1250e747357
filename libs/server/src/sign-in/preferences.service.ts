import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import type { PreferencesResponse, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { emailPreferenceOf, lockEmailPreference, setEmailPreference } from './preferences.store.js';

/** The signed-in user's own settings (today: how notifications reach them by e-mail). */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(userId: string): Promise<PreferencesResponse> {
    const emailNotifications = await emailPreferenceOf(this.db.manager, userId);
    if (emailNotifications === undefined)
      throw new DomainError('unauthenticated', 'Sign in first.');
    return { emailNotifications };
  }

  async update(context: RequestContext, dto: UpdatePreferencesDto): Promise<PreferencesResponse> {
    const me = context.actor?.id;
    if (!me) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.db.transaction(async (m) => {
      // Locked so the audit diff's "from" is the value this change replaced.
      const before = await lockEmailPreference(m, me);
      if (before === undefined) throw new DomainError('unauthenticated', 'Sign in first.');
      if (before !== dto.emailNotifications) {
        await setEmailPreference(m, me, dto.emailNotifications);
        this.audit.append(m, context, {
          action: 'user.preferences',
          entity: 'user',
          entityId: me,
          diff: { emailNotifications: { from: before, to: dto.emailNotifications } },
        });
      }
      return { emailNotifications: dto.emailNotifications };
    });
  }
}
