import { useExchangeStore } from '../../store/exchange-store';

/** The balances the last Validate read. */
export function BalancesTable() {
  const balances = useExchangeStore((state) => state.balances);
  if (!balances) return null;
  return (
    <table aria-label="Balances">
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col">Balance</th>
          <th scope="col">Locked</th>
        </tr>
      </thead>
      <tbody>
        {balances.map((balance) => (
          <tr key={balance.currency}>
            <td>{balance.currency}</td>
            <td className="mono">{balance.balance}</td>
            <td className="mono">{balance.locked}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
