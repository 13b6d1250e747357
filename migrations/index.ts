import { AuditAppend1796567112777 } from './1796567112777-audit-append.js';
import { CasesWorkflow1795290526250 } from './1795290526250-cases-workflow.js';
import { Foundation1795289554962 } from './1795289554962-foundation.js';
import { PrecursorDatabase1795295519415 } from './1795295519415-precursor-database.js';
import { LiveCollaboration1795304460657 } from './1795304460657-live-collaboration.js';
import { DraftingAndMobilisation1795306239622 } from './1795306239622-drafting-and-mobilisation.js';
import { ScaleOut1795313431525 } from './1795313431525-scale-out.js';
import { AuthSessions1796660288380 } from './1796660288380-auth-sessions.js';
import { EncryptSourceIdentities1796660517192 } from './1796660517192-encrypt-source-identities.js';
import { AccountChanges1796669743228 } from './1796669743228-account-changes.js';
import { SignInThrottle1796669747509 } from './1796669747509-sign-in-throttle.js';
import { UnboundedReferencesAndStorageQuotas1796669761260 } from './1796669761260-unbounded-references-and-storage-quotas.js';
import { NotificationEmailBudget1796669996596 } from './1796669996596-notification-email-budget.js';

/** Every migration in order. `npm run migration:generate` appends here. */
export const MIGRATIONS = [
  Foundation1795289554962,
  CasesWorkflow1795290526250,
  PrecursorDatabase1795295519415,
  LiveCollaboration1795304460657,
  DraftingAndMobilisation1795306239622,
  ScaleOut1795313431525,
  AuditAppend1796567112777,
  AuthSessions1796660288380,
  EncryptSourceIdentities1796660517192,
  AccountChanges1796669743228,
  SignInThrottle1796669747509,
  UnboundedReferencesAndStorageQuotas1796669761260,
  NotificationEmailBudget1796669996596,
];
