/**
 * One POSIX shell word that stands for exactly `value`. Inside single quotes nothing is special
 * (not `$`, backticks, backslashes, `!` or newlines) except the closing quote itself, so a quote
 * in the value closes the string, adds an escaped quote and reopens it.
 */
export const posixQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * A value as both a shell and a systemd EnvironmentFile read it: bare when nothing in it is
 * special, else single-quoted (the app's data folder, "Barong Vault", has a space).
 */
export const posixValue = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : posixQuote(value));

/** A POSIX shell's line continuation, indented: the next line goes on with the same command. */
export const POSIX_CONTINUATION = ' \\\n  ';
