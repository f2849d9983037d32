/**
 * One POSIX shell word that stands for exactly `value`. Inside single quotes nothing is special
 * (not `$`, backticks, backslashes, `!` or newlines) except the closing quote itself, so a quote
 * in the value closes the string, adds an escaped quote and reopens it.
 */
export const posixQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;
