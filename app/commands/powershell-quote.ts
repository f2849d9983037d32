// PowerShell ends a single-quoted string at the typographic single quotes too, not only at the
// ASCII one; doubling is the escape for each of them.
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A PowerShell single-quoted (verbatim) string literal that stands for exactly `value`. */
export const powershellQuote = (value: string): string => `'${value.replace(SINGLE_QUOTES, '$&$&')}'`;
