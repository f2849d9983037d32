const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Bytes(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '')) bits += BASE32.indexOf(char).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
}

/**
 * base64 of `bytes` as it would appear inside a longer base64 text, at each of the three
 * alignments: only the characters that do not depend on the neighbouring bytes.
 */
function base64Forms(bytes: Buffer): string[] {
  return [0, 1, 2].flatMap((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes, Buffer.alloc(3)]).toString('base64');
    const inner = encoded.slice(shift === 0 ? 0 : 4, encoded.length - 8);
    return [inner, inner.replace(/\+/g, '-').replace(/\//g, '_')];
  });
}

/** The byte strings under which `bytes` could sit in a file: raw, hex (both cases), base64. */
export function binaryForms(bytes: Buffer): Buffer[] {
  const hex = bytes.toString('hex');
  return [bytes, Buffer.from(hex), Buffer.from(hex.toUpperCase()), ...base64Forms(bytes).map((form) => Buffer.from(form))];
}

/**
 * A secret text as it could leak: its UTF-8 and UTF-16 bytes, and those hex- and
 * base64-encoded; a hex secret also as the bytes it spells, a base32 seed as the bytes it decodes to.
 */
export function textForms(text: string): Buffer[] {
  const forms = [...binaryForms(Buffer.from(text, 'utf8')), Buffer.from(text, 'utf16le')];
  if (/^([0-9a-f]{2})+$/i.test(text)) forms.push(...binaryForms(Buffer.from(text, 'hex')));
  if (/^[A-Z2-7]{16,}=*$/.test(text)) forms.push(...binaryForms(base32Bytes(text)));
  return forms;
}
