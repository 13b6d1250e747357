import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { PasswordService } from '../auth/password.service.js';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo-data.js';
import { insertDemoOrganisation, insertDemoUser, organisationsByAcronym } from './demo.store.js';

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
    return organisationsByAcronym(this.db, acronym);
  }

  async seed(password: string): Promise<SeedResult> {
    const passwordHash = await this.passwords.hash(password);
    return this.db.transaction(async (m) => {
      const context = { actor: null, requestId: 'seed' };
      let organisations = 0;
      let users = 0;
      for (const org of DEMO_ORGANISATIONS) {
        const id = await insertDemoOrganisation(m, org);
        if (!id) continue;
        organisations += 1;
        this.audit.append(m, context, {
          action: 'organisation.create',
          entity: 'organisation',
          entityId: id,
          diff: { ...org },
        });
      }
      // Demo accounts are inserted directly, with the demo password (never checked for strength:
      // it is known to everyone, for local demonstrations only) and their roles and clearance
      // (no second administrator exists yet). One whose e-mail or display name is taken is skipped.
      for (const user of DEMO_USERS) {
        const id = await insertDemoUser(m, user, passwordHash);
        if (!id) continue;
        users += 1;
        const { email, displayName, roles, clearance, organisation } = user;
        this.audit.append(m, context, {
          action: 'user.create',
          entity: 'user',
          entityId: id,
          diff: { email, displayName, roles, clearance, organisation },
        });
      }
      return { organisations, users };
    });
  }
}
