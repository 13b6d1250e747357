import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type EmailPreference } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { queryRows } from '../database/named-query.js';
import type { PreferencesResponse, UpdatePreferencesDto } from './dto/preferences.dto.js';

/** The signed-in user's own settings (today: how notifications reach them by e-mail). */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(userId: string): Promise<PreferencesResponse> {
    const [row] = await queryRows<{ email_notifications: EmailPreference }>(
      this.db.manager,
      'SELECT email_notifications FROM users WHERE id = $1',
      [userId],
    );
    if (!row) throw new DomainError('unauthenticated', 'Sign in first.');
    return { emailNotifications: row.email_notifications };
  }

  async update(context: RequestContext, dto: UpdatePreferencesDto): Promise<PreferencesResponse> {
    const me = context.actor?.id;
    if (!me) throw new DomainError('unauthenticated', 'Sign in first.');
    return this.db.transaction(async (m) => {
      // Locked so the audit diff's "from" is the value this change replaced.
      const [row] = await queryRows<{ before: EmailPreference }>(
        m,
        'SELECT email_notifications AS before FROM users WHERE id = $1 FOR UPDATE',
        [me],
      );
      if (!row) throw new DomainError('unauthenticated', 'Sign in first.');
      if (row.before !== dto.emailNotifications) {
        await m.query('UPDATE users SET email_notifications = $2 WHERE id = $1', [
          me,
          dto.emailNotifications,
        ]);
        this.audit.append(m, context, {
          action: 'user.preferences',
          entity: 'user',
          entityId: me,
          diff: { emailNotifications: { from: row.before, to: dto.emailNotifications } },
        });
      }
      return { emailNotifications: dto.emailNotifications };
    });
  }
}
