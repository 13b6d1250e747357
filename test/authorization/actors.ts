import type { Clearance, Role } from '@vigil/domain';
import { signIn, type Session, type TestApi } from '../support/api.js';
import { buildOrganisation, buildUser, type BuiltUser } from '../support/factories.js';

/**
 * The columns of the matrix, in table order. Sharing a priority situation is Team-wide in Vigil
 * (no per-organisation sharing), so `framework-team-unshared` is a Framework Team focal point the
 * classified shared situation is not available to: their clearance is below it.
 */
export const ACTORS = [
  'anonymous',
  'deactivated',
  'admin',
  'analyst-lead',
  'analyst-member',
  'analyst-outsider',
  'adviser',
  'adviser-low-clearance',
  'framework-team',
  'framework-team-unshared',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** Who each signed-in column is. */
const PROFILES: Record<Exclude<ActorName, 'anonymous'>, { roles: Role[]; clearance: Clearance }> = {
  deactivated: { roles: ['analyst'], clearance: 'strictly_confidential' },
  admin: { roles: ['admin'], clearance: 'strictly_confidential' },
  'analyst-lead': { roles: ['analyst'], clearance: 'strictly_confidential' },
  'analyst-member': { roles: ['analyst'], clearance: 'confidential' },
  'analyst-outsider': { roles: ['analyst'], clearance: 'strictly_confidential' },
  adviser: { roles: ['adviser'], clearance: 'strictly_confidential' },
  'adviser-low-clearance': { roles: ['adviser'], clearance: 'unclassified' },
  'framework-team': { roles: ['framework_team'], clearance: 'confidential' },
  'framework-team-unshared': { roles: ['framework_team'], clearance: 'unclassified' },
};

/** One column: its session (none when anonymous). */
export interface Actor {
  name: ActorName;
  session: Session | null;
  user: BuiltUser | null;
}

/** Every column signed in; `deactivated` signed in and then deactivated by the admin. */
export interface Cast {
  actors: Record<ActorName, Actor>;
  lead: Session;
  member: Session;
  adviser: Session;
  admin: Session;
  ft: Session;
  /** The Office, every Office column's organisation. */
  officeId: string;
}

/** A session that must exist (the fixture builders' own). */
function must(actor: Actor): Session {
  if (!actor.session) throw new Error(`${actor.name} has no session`);
  return actor.session;
}

/** Creates and signs in every column, then deactivates `deactivated` through the admin api. */
export async function castActors(api: TestApi): Promise<Cast> {
  const office = await buildOrganisation({ kind: 'office' });
  const agency = await buildOrganisation({ kind: 'un_entity' });
  const entries = await Promise.all(
    ACTORS.map(async (name): Promise<Actor> => {
      if (name === 'anonymous') return { name, session: null, user: null };
      const profile = PROFILES[name];
      const organisationId = profile.roles.includes('framework_team') ? agency.id : office.id;
      const user = await buildUser({ ...profile, organisationId });
      return { name, session: await signIn(api, user), user };
    }),
  );
  const byName = Object.fromEntries(entries.map((a) => [a.name, a])) as Record<ActorName, Actor>;
  const admin = must(byName.admin);
  const deactivated = byName.deactivated.user;
  if (!deactivated) throw new Error('no deactivated user');
  const res = await api
    .http()
    .patch(`/api/users/${deactivated.id}`)
    .set(admin.auth())
    .send({ active: false });
  if (res.status !== 200) throw new Error(`deactivate: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    actors: byName,
    lead: must(byName['analyst-lead']),
    member: must(byName['analyst-member']),
    adviser: must(byName.adviser),
    admin,
    ft: must(byName['framework-team']),
    officeId: office.id,
  };
}
