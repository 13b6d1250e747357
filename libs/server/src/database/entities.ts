import { AuditEntry } from '../audit/audit-entry.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { Organisation } from './entities/organisation.entity.js';
import { User } from './entities/user.entity.js';

/** Every TypeORM entity, listed explicitly (no globs: they break under ESM and bundlers). */
export const ENTITIES = [Organisation, User, RefreshToken, AuditEntry];
