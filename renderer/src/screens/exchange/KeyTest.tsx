import type { ErrorInfo } from '../../../../app/contract/result';
import { errorText } from '../../error-text';
import type { KeyTest } from '../../store/exchange-store';
import { useExchangeStore } from '../../store/exchange-store';

function testWords(result: KeyTest | ErrorInfo): string {
  if ('works' in result) {
    if (result.works)
      return `Works: ${result.balances.length} ${result.balances.length === 1 ? 'balance' : 'balances'} read in ${Math.round(result.totalMs)} ms.`;
    return result.problem.action ? `${result.problem.message} ${result.problem.action}` : result.problem.message;
  }
  return errorText(result);
}

/** Tests the key with a signed read of the balances. */
export function TestKeyButton({ keyId, kid }: { keyId: string; kid: string }) {
  const testKey = useExchangeStore((state) => state.testKey);
  return (
    <button type="button" aria-label={`Test key ${kid}`} onClick={() => void testKey(keyId)}>
      Test key
    </button>
  );
}

/** What the key's last test found, if it was tested. */
export function KeyTestResult({ keyId }: { keyId: string }) {
  const result = useExchangeStore((state) => state.keyTests[keyId]);
  return result ? <span role="status">{testWords(result)}</span> : null;
}
