import { useExchangeStore } from '../../store/exchange-store';
import { fractionWidth, groupAmount } from './amount-format';
import { AnsweredAt } from './AnsweredAt';
import './balances.css';

/** The balances the last session check read: amounts right-aligned and grouped, every digit as the exchange sent it. */
export function BalancesTable() {
  const balances = useExchangeStore((state) => state.balances);
  const balancesAt = useExchangeStore((state) => state.balancesAt);
  if (!balances) return null;
  if (balances.length === 0) return <p className="note">The session works; the exchange lists no balances for this account.</p>;
  // Each column's decimal points in one line: shorter fractions are padded by the missing digits' width (the face is mono).
  const widest = (amounts: string[]) => Math.max(0, ...amounts.map(fractionWidth));
  const balanceFraction = widest(balances.map((balance) => balance.balance));
  const lockedFraction = widest(balances.map((balance) => balance.locked));
  const aligned = (amount: string, fraction: number) => ({ paddingRight: `calc(var(--space-2) + ${fraction - fractionWidth(amount)}ch)` });
  return (
    <table aria-label="Balances" className="balances">
      <caption>Balances {balancesAt !== null && <AnsweredAt what="read" at={balancesAt} />}</caption>
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col" className="number">
            Balance
          </th>
          <th scope="col" className="number">
            Locked
          </th>
        </tr>
      </thead>
      <tbody>
        {balances.map((balance) => (
          <tr key={balance.currency}>
            <td className="currency">{balance.currency.toUpperCase()}</td>
            <td className="number" title={balance.balance} style={aligned(balance.balance, balanceFraction)}>
              {groupAmount(balance.balance)}
            </td>
            <td className="number" title={balance.locked} style={aligned(balance.locked, lockedFraction)}>
              {groupAmount(balance.locked)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
