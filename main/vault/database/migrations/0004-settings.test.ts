import { describe, expect, it } from 'vitest';
import { freshDatabaseAtVersionPerTest, isStrict, tableNames } from '../../tests/schema-at-version';

const database = freshDatabaseAtVersionPerTest(4);

const insertSetting = (name: unknown, value: unknown) => database().prepare('INSERT INTO settings (name, value) VALUES (?, ?)').run(name, value);

describe('migration 0004: settings', () => {
  it('adds a STRICT settings table', () => {
    expect(tableNames(database())).toEqual(['accounts', 'api_keys', 'key_wraps', 'settings', 'unlock_failures']);
    expect(isStrict(database(), 'settings')).toBe(true);
  });

  it('holds one JSON text per setting name', () => {
    insertSetting('theme', '"dark"');
    expect(() => insertSetting('theme', '"light"')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insertSetting('autoLockMinutes', null)).toThrow(/NOT NULL/);
    expect(() => insertSetting('autoLockMinutes', Buffer.of(10))).toThrow(/cannot store BLOB value in TEXT column/);
  });
});
