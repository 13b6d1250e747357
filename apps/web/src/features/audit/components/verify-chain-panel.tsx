import { errorMessage } from '../../../lib/api-client';
import type { AuditVerifyResult } from '../api/audit-api';
import { useVerifyChain } from '../hooks/use-verify-chain';

/** Plain-language verification outcome. */
export function describeVerifyResult(result: AuditVerifyResult): string {
  if (result.ok) return `Chain intact: ${result.checked} entries checked`;
  const where = result.firstBrokenSeq === null ? '' : ` at entry #${result.firstBrokenSeq}`;
  return `Chain broken${where}: ${result.reason ?? 'unknown reason'}`;
}

/** "Verify chain" button with its result in a `role="status"` region. */
export function VerifyChainPanel() {
  const verify = useVerifyChain();
  let text = '';
  let tone = '';
  if (verify.isPending) text = 'Verifying the audit chain…';
  else if (verify.isError) {
    text = `Could not verify the chain: ${errorMessage(verify.error)}`;
    tone = 'verify-result--error';
  } else if (verify.data) {
    text = describeVerifyResult(verify.data);
    tone = verify.data.ok ? 'verify-result--ok' : 'verify-result--error';
  }
  return (
    <div className="verify">
      <button
        type="button"
        className="button"
        onClick={() => verify.mutate()}
        disabled={verify.isPending}
      >
        Verify chain
      </button>
      <p role="status" className={['verify-result', tone].filter(Boolean).join(' ')}>
        {text}
      </p>
    </div>
  );
}
