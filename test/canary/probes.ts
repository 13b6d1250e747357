import type { Clearance, Role } from '@vigil/domain';
import type { ProbeName } from './canaries.js';

/** A person who reads, to see what reaches them. Add a line to add a probe. */
export interface ProbeSpec {
  name: ProbeName;
  /** No account at all: every request without a token, the socket handshake without one. */
  anonymous?: boolean;
  roles?: Role[];
  clearance?: Clearance;
  /** Situations the probe works on as a member (so it may read their content). */
  memberOf?: string[];
  /** Deactivated by the administrator after the live phase, before the probing. */
  deactivated?: boolean;
  /** Loses access to these situations in the access-loss phase (CONF is reclassified). */
  losesAccessTo?: string[];
  email?: 'off' | 'immediate' | 'daily_digest';
}

/** The probes: everyone whose answers, sockets, e-mail and notifications are scanned. */
export const PROBES: ProbeSpec[] = [
  // Clearance is not what stops them: need to know is.
  { name: 'analyst-nocase', roles: ['analyst'], clearance: 'strictly_confidential' },
  {
    name: 'analyst2',
    roles: ['analyst'],
    clearance: 'confidential',
    memberOf: ['CONF'],
    losesAccessTo: ['CONF'],
  },
  // Every Framework Team member reads every shared situation within clearance (there is no
  // per-situation membership for the Framework Team): ft-shared reads SHARED, and so does
  // ft-strict, whose strictly confidential clearance does not open SC (not shared).
  {
    name: 'ft-shared',
    roles: ['framework_team'],
    clearance: 'confidential',
    email: 'daily_digest',
  },
  { name: 'ft-strict', roles: ['framework_team'], clearance: 'strictly_confidential' },
  // Cleared for everything, so only need to know stops the administrator.
  { name: 'admin', roles: ['admin'], clearance: 'strictly_confidential' },
  {
    name: 'deactivated',
    roles: ['analyst'],
    clearance: 'strictly_confidential',
    memberOf: ['SC'],
    deactivated: true,
  },
  { name: 'anonymous', anonymous: true },
];

/** The situations the writers fill. */
export interface SituationSpec {
  key: string;
  classification: Clearance;
  shared: boolean;
  /** A strictly confidential item citing a source only it cites (the source-leak bullet). */
  secretItem?: boolean;
  country: string;
}

/** The four situations: strictly confidential, confidential, shared, and nobody's. */
export const SITUATIONS: SituationSpec[] = [
  { key: 'SC', classification: 'strictly_confidential', shared: false, country: 'SDN' },
  { key: 'CONF', classification: 'confidential', shared: false, secretItem: true, country: 'KEN' },
  { key: 'SHARED', classification: 'confidential', shared: true, country: 'MMR' },
  { key: 'OTHER', classification: 'confidential', shared: false, country: 'ETH' },
];

/** The writers, strictly confidential, who plant the canaries and may read them all. */
export const WRITERS = ['lead', 'adviser1', 'adviser2'] as const;
/** One of the writers. */
export type WriterName = (typeof WRITERS)[number];

const RANK: Record<Clearance, number> = {
  unclassified: 0,
  confidential: 1,
  strictly_confidential: 2,
};

function probeSpecs(): ProbeSpec[] {
  return PROBES.filter((p) => !p.anonymous);
}

/** Probes who work on the situation and are cleared for `level`. */
export function officeReaders(s: SituationSpec, level: Clearance = s.classification): ProbeName[] {
  return probeSpecs()
    .filter((p) => (p.memberOf ?? []).includes(s.key))
    .filter((p) => RANK[p.clearance ?? 'unclassified'] >= RANK[level])
    .map((p) => p.name);
}

/** Office readers, and the Framework Team within clearance when the situation is shared. */
export function viewReaders(s: SituationSpec): ProbeName[] {
  const ft = s.shared
    ? probeSpecs()
        .filter((p) => p.roles?.includes('framework_team'))
        .filter((p) => RANK[p.clearance ?? 'unclassified'] >= RANK[s.classification])
        .map((p) => p.name)
    : [];
  return [...new Set([...officeReaders(s), ...ft])];
}

/** The probes who work on a situation as members (mentioned, added to it). */
export function memberProbes(key: string): ProbeSpec[] {
  return probeSpecs().filter((p) => p.memberOf?.includes(key));
}
