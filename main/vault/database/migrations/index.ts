import { migration0001 } from './0001-key-wraps';
import { migration0002 } from './0002-accounts';
import { migration0003 } from './0003-api-keys';
import { migration0004 } from './0004-settings';
import { migration0005 } from './0005-audit-log';
import { migration0006 } from './0006-pending-key-creations';
import { migration0007 } from './0007-row-macs';
import { migration0008 } from './0008-key-policies';
import { migration0009 } from './0009-saved-requests';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];
