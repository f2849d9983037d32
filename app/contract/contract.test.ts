import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listenerName, splitName } from './api';
import { CHANNEL_NAMES, contract } from './channels';
import { EVENT_NAMES, events } from './events';

const NAMESPACES = ['vault', 'accounts', 'keys', 'exchange', 'signer', 'requests', 'settings', 'audit', 'backup', 'agent'];
// Namespaces with events and no channel: the application menu speaks, the UI never calls it.
const EVENT_ONLY_NAMESPACES = ['menu'];
const SECRET_LIKE = /secret|password|passphrase|cookie|csrf|totp|seed/i;

/** Every field name in a schema with the schema of its value, found through wrappers, unions, arrays and records. */
function fieldsOf(schema: z.ZodType, seen = new Set<z.ZodType>()): Array<{ name: string; schema: z.ZodType }> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found: Array<{ name: string; schema: z.ZodType }> = [];
  if (schema instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) found.push({ name, schema: field }, ...fieldsOf(field, seen));
    return found;
  }
  const inner = Object.values(schema.def as unknown as Record<string, unknown>).flatMap((part) => (Array.isArray(part) ? part : [part]));
  if (schema instanceof z.ZodLazy) inner.push(schema.def.getter());
  return inner.filter((part): part is z.ZodType => part instanceof z.ZodType).flatMap((part) => fieldsOf(part, seen));
}

/** Every string schema a value passes through first: behind a pipe, only its input side is what arrives. */
function stringsOf(schema: z.ZodType, seen = new Set<z.ZodType>()): z.ZodString[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (schema instanceof z.ZodString) return [schema];
  if (schema instanceof z.ZodPipe) return stringsOf(schema.def.in as z.ZodType, seen);
  if (schema instanceof z.ZodObject) return Object.values(schema.shape as Record<string, z.ZodType>).flatMap((field) => stringsOf(field, seen));
  const inner = Object.values(schema.def as unknown as Record<string, unknown>).flatMap((part) => (Array.isArray(part) ? part : [part]));
  return inner.filter((part): part is z.ZodType => part instanceof z.ZodType).flatMap((part) => stringsOf(part, seen));
}

/** A boolean can say that a secret exists (`hasTotpSeed`) but cannot carry one. */
const isFlag = (schema: z.ZodType): boolean => schema instanceof z.ZodBoolean;

describe('the IPC contract', () => {
  it('names every channel namespace.method in the known namespaces, each with a request and a response schema', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(30);
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(NAMESPACES).toContain(splitName(name)[0]);
      expect(contract[name].request, name).toBeInstanceOf(z.ZodType);
      expect(contract[name].response, name).toBeInstanceOf(z.ZodType);
    }
    expect(new Set(CHANNEL_NAMES.map((name) => splitName(name)[0]))).toEqual(new Set(NAMESPACES));
  });

  it('carries no secret in any answer but the reveal', () => {
    const offenders = CHANNEL_NAMES.filter((name) => name !== 'keys.reveal').flatMap((name) =>
      fieldsOf(contract[name].response)
        .filter((field) => SECRET_LIKE.test(field.name) && !isFlag(field.schema))
        .map((field) => `${name}: ${field.name}`),
    );
    expect(offenders).toEqual([]);
    // The walk does find such fields where they are.
    // The reveal's other answer, for a copy made by main, says only when the clipboard clears.
    expect(fieldsOf(contract['keys.reveal'].response).map((field) => field.name)).toEqual(['secret', 'clearsInSeconds']);
    expect(fieldsOf(contract['accounts.get'].response).map((field) => field.name)).toContain('hasTotpSeed');
  });

  it('checks answers strictly, so that an extra field (a secret) fails the check', () => {
    const account = {
      id: 'a',
      name: 'n',
      baseUrl: 'https://x.example',
      nonceLifetimeMs: 5000,
      loginEmail: null,
      notes: null,
      color: null,
      sortOrder: 0,
      hasTotpSeed: false,
      createdAt: 1,
      updatedAt: 1,
    };
    expect(contract['accounts.get'].response.safeParse(account).success).toBe(true);
    expect(contract['accounts.get'].response.safeParse({ ...account, totpSeed: 'JBSWY3DPEHPK3PXP' }).success).toBe(false);
  });

  it('bounds every string a request can carry', () => {
    const unbounded = CHANNEL_NAMES.filter((name) => stringsOf(contract[name].request).some((text) => text.maxLength === null));
    const strings = CHANNEL_NAMES.flatMap((name) => stringsOf(contract[name].request));
    expect(strings.length).toBeGreaterThan(30);
    expect(unbounded).toEqual([]);
  });

  it('names events namespace.event, apart from channels, with listener names that clash with no method', () => {
    for (const name of EVENT_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect([...NAMESPACES, ...EVENT_ONLY_NAMESPACES]).toContain(splitName(name)[0]);
      expect(events[name]).toBeInstanceOf(z.ZodType);
      expect(CHANNEL_NAMES).not.toContain(name);
      expect(CHANNEL_NAMES).not.toContain(`${splitName(name)[0]}.${listenerName(name)}`);
    }
    expect(listenerName('exchange.codeWait')).toBe('onCodeWait');
  });
});
