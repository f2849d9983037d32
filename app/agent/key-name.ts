/**
 * The keys a name means, where a program or a command line names a key (`sign`'s `key`,
 * `barong-vault keys policy --key`): those with that kid, else those with that label. Labels may
 * repeat across accounts; more than one match is for the caller to refuse, asking for the kid.
 * An empty name means no key, not every key without a label.
 */
export function keysNamed<K extends { kid: string; label: string }>(keys: readonly K[], name: string): K[] {
  if (name === '') return [];
  const byKid = keys.filter((key) => key.kid === name);
  return byKid.length > 0 ? byKid : keys.filter((key) => key.label === name);
}
