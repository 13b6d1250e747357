import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { PasswordService } from '../auth/password.service.js';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo-data.js';

/** What a seed run added. */
export interface SeedResult {
  organisations: number;
  users: number;
}

/** Seeds the demo organisations and accounts; running it again adds only what is missing. */
@Injectable()
export class DemoSeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
  ) {}

  /** Looks an organisation up by acronym, case-insensitively. */
  findOrganisationByAcronym(acronym: string): Promise<{ id: string }[]> {
    return this.db.query('SELECT id FROM organisations WHERE lower(acronym) = lower($1)', [
      acronym,
    ]);
  }

  async seed(password: string): Promise<SeedResult> {
    const passwordHash = await this.passwords.hash(password);
    return this.db.transaction(async (m) => {
      const context = { actor: null, requestId: 'seed' };
      let organisations = 0;
      let users = 0;
      for (const org of DEMO_ORGANISATIONS) {
        const [row] = (await m.query(
          `INSERT INTO organisations (name, acronym, kind) SELECT $1, $2, $3
           WHERE NOT EXISTS (SELECT 1 FROM organisations WHERE lower(acronym) = lower($2)) RETURNING id`,
          [org.name, org.acronym, org.kind],
        )) as { id: string }[];
        if (!row) continue;
        organisations += 1;
        this.audit.append(m, context, {
          action: 'organisation.create',
          entity: 'organisation',
          entityId: row.id,
          diff: { ...org },
        });
      }
      // Demo accounts are inserted directly, with the demo password (never checked for strength:
      // it is known to everyone, for local demonstrations only) and their roles and clearance
      // (no second administrator exists yet). One whose e-mail or display name is taken is skipped.
      for (const user of DEMO_USERS) {
        const [row] = (await m.query(
          `INSERT INTO users (email, display_name, password_hash, roles, clearance, organisation_id)
           SELECT $1, $2, $3, $4, $5, o.id FROM organisations o WHERE lower(o.acronym) = lower($6)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            user.email,
            user.displayName,
            passwordHash,
            user.roles,
            user.clearance,
            user.organisation,
          ],
        )) as { id: string }[];
        if (!row) continue;
        users += 1;
        const { email, displayName, roles, clearance, organisation } = user;
        this.audit.append(m, context, {
          action: 'user.create',
          entity: 'user',
          entityId: row.id,
          diff: { email, displayName, roles, clearance, organisation },
        });
      }
      return { organisations, users };
    });
  }
}
