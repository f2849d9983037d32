import packageJson from '../package.json' with { type: 'json' };

/** The version the CLI announces in its User-Agent. */
export const cliVersion: string = packageJson.version;
