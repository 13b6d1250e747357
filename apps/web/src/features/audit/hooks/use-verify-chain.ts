import { useMutation } from '@tanstack/react-query';
import { verifyAuditChain } from '../api/audit-api';

/** On-demand audit chain verification (a GET, triggered by a button, so modelled as a mutation). */
export function useVerifyChain() {
  return useMutation({
    mutationKey: ['audit', 'verify'],
    mutationFn: verifyAuditChain,
  });
}
