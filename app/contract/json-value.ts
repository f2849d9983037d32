import { z } from 'zod';
import type { JsonValue } from '../commands/request';

const MAX_DEPTH = 32;
const MAX_NODES = 10_000;
const MAX_TEXT = 1_000_000;

/**
 * JSON a request body may carry, bounded in depth, size and text length. Checked by hand rather
 * than with a recursive schema: a hostile payload nested ten thousand deep must be refused, not
 * overflow the stack of the parser.
 */
function isBoundedJson(value: unknown): value is JsonValue {
  let nodes = 0;
  let text = 0;
  const visit = (node: unknown, depth: number): boolean => {
    nodes += 1;
    if (nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (node === null || typeof node === 'boolean') return true;
    if (typeof node === 'number') return Number.isFinite(node);
    if (typeof node === 'string') {
      text += node.length;
      return text <= MAX_TEXT;
    }
    if (Array.isArray(node)) return node.every((item) => visit(item, depth + 1));
    if (typeof node !== 'object' || !isPlainObject(node)) return false;
    return Object.entries(node).every(([key, item]) => {
      text += key.length;
      return text <= MAX_TEXT && visit(item, depth + 1);
    });
  };
  return visit(value, 0);
}

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

export const jsonValueSchema = z.custom<JsonValue>(isBoundedJson, `Not JSON, or more than ${MAX_DEPTH} levels deep or ${MAX_NODES} values.`);
