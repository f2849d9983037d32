import { AgentSection } from './settings/AgentSection';
import { BackupSection } from './settings/BackupSection';
import { PreferencesSection } from './settings/PreferencesSection';
import { ProtectionSection } from './settings/ProtectionSection';
import { TotpSeedsSection } from './settings/TotpSeedsSection';

/**
 * The vault's settings. Everything typed here (passphrases, seeds) lives in the forms' own
 * state, which a lock drops by unmounting this view.
 */
export function SettingsView() {
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <PreferencesSection />
      <ProtectionSection />
      <AgentSection />
      <BackupSection />
      <TotpSeedsSection />
    </section>
  );
}
