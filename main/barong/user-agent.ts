/**
 * One fixed User-Agent for every request: Barong binds a session to the login's User-Agent and
 * ends it (authz.client_session_mismatch) when another one shows up.
 */
export const userAgent = (version: string, platform: NodeJS.Platform = process.platform): string => `BarongVault/${version} (${platform})`;
