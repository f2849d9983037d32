/** One schema step. Versions count up from 1 with no gaps; a shipped migration never changes. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
