import type { ReactNode } from 'react';
import type { Action, SubjectName } from '@vigil/domain';
import { useAbility } from '../../../lib/ability';
import { NotFoundPage } from '../../shell/components/not-found-page';

interface RequireAbilityProps {
  action: Action;
  subject: SubjectName;
  children: ReactNode;
}

/** Renders children only if the user may perform `action` on `subject`; otherwise "Not found". */
export function RequireAbility({ action, subject, children }: RequireAbilityProps) {
  const ability = useAbility();
  if (!ability.can(action, subject)) return <NotFoundPage />;
  return <>{children}</>;
}
