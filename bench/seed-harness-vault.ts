import { randomBytes } from 'node:crypto';
import type { Result } from '../app/contract/result';
import type { BackendChannels } from '../main/services/serve-channels';

export const SEED_PASSPHRASE = 'a passphrase for the benchmark';
export const SEEDED_ACCOUNTS = 500;
export const KEYS_PER_ACCOUNT = 20;

// Account names a trader might give: 25 venues, numbered, so that typing a name narrows step by step.
const VENUES = [
  'Aurora',
  'Borealis',
  'Cobalt',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Raven',
  'Summit',
  'Tundra',
  'Umber',
  'Vortex',
  'Willow',
  'Xenon',
  'Zephyr',
];
const ROLES = ['maker', 'taker', 'hedge', 'arb', 'grid'];

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Seeding the vault failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * A passphrase vault of 10,000 keys across 500 accounts, filled through the channels the app
 * uses, then locked so that the page unlocks it. Answers the key ids (kids), which the search also matches.
 */
export async function seedHarnessVault(channels: BackendChannels): Promise<string[]> {
  must(await channels['vault.create']({ passphrase: SEED_PASSPHRASE, keychain: false }));
  const kids: string[] = [];
  for (let a = 0; a < SEEDED_ACCOUNTS; a += 1) {
    const venue = VENUES[a % VENUES.length] as string;
    const number = Math.floor(a / VENUES.length) + 1;
    const account = must(await channels['accounts.create']({ name: `${venue} ${number}`, baseUrl: `https://${venue.toLowerCase()}-${number}.example` }));
    for (let k = 0; k < KEYS_PER_ACCOUNT; k += 1) {
      const kid = randomBytes(8).toString('hex');
      must(
        await channels['keys.import']({ accountId: account.id, kid, secret: randomBytes(16).toString('hex'), label: `${ROLES[k % ROLES.length]} ${a}-${k}` }),
      );
      kids.push(kid);
    }
  }
  must(await channels['vault.lock'](undefined));
  return kids;
}
