import type { Role } from '../../../lib/api-types';

/** Plain-language summary of what each role allows. */
export const ROLE_CAPABILITIES: Record<Role, { heading: string; abilities: string[] }> = {
  analyst: {
    heading: 'As an analyst',
    abilities: ['Open and update situations', 'Record information', 'Draft advice'],
  },
  adviser: {
    heading: 'As an adviser',
    abilities: ['Approve escalations', 'Finalise assessments', 'Approve and transmit advice'],
  },
  framework_team: {
    heading: 'As a Framework Team member',
    abilities: ['Read and comment on priority situations shared with the Framework Team'],
  },
  admin: {
    heading: 'As an administrator',
    abilities: ['Manage users', 'Manage organisations', 'Read the audit log'],
  },
};
