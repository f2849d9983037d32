/**
 * How deep the arrays and objects of a JSON text nest, counted without parsing it, so that a
 * text too deep to parse or render safely can be refused in words before any recursion over it.
 * Brackets inside strings do not count; invalid JSON gets a number too and is left to JSON.parse.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '[' || c === '{') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return deepest;
}
