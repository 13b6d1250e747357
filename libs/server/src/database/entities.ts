import { AuditEntry } from '../audit/audit-entry.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from '../users/user.entity.js';

/** Every TypeORM entity, listed explicitly (no globs: they break under ESM and bundlers). */
export const ENTITIES = [Organisation, User, RefreshToken, AuditEntry];
