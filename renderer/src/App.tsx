import { errorText } from './error-text';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { UnlockedScreen } from './screens/UnlockedScreen';
import { useVaultStore } from './store/vault-store';

export function App() {
  const status = useVaultStore((state) => state.status);
  const loadError = useVaultStore((state) => state.loadError);

  if (loadError) {
    return (
      <main>
        <h1>Barong Vault</h1>
        <p role="alert">The vault could not be opened: {errorText(loadError)}</p>
      </main>
    );
  }
  if (status === null) {
    return (
      <main aria-busy="true">
        <p>Opening the vault…</p>
      </main>
    );
  }
  if (!status.setUp) return <FirstRunScreen computerKeychain={status.computerKeychain} />;
  if (!status.unlocked) return <UnlockScreen status={status} />;
  return <UnlockedScreen />;
}
