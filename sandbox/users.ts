import { HttpFailure } from './http';

export type UserState = 'active' | 'pending' | 'banned' | 'deleted' | 'locked';
export type Role = 'member' | 'viewer';

/** One user as the sandbox announces it (on stdout and from startSandbox). */
export interface SandboxUser {
  email: string;
  password: string;
  /** Base32 TOTP seed, for the users who have 2FA on. */
  totpSecret: string | null;
  state: UserState;
  otp: boolean;
}

/** A user as the server holds it: the fixed fields plus what changes while it runs. */
export interface UserRecord {
  uid: string;
  email: string;
  password: string;
  role: Role;
  level: number;
  state: UserState;
  otp: boolean;
  totpSecret: string | null;
  /** Seed handed out by otp/generate_qrcode, waiting for otp/enable to confirm it. */
  pendingTotpSecret: string | null;
  /** The last TOTP time step spent, so a code cannot be used twice. */
  lastTotpStep: number;
  createdAt: string;
  updatedAt: string;
}

interface FixedUser extends SandboxUser {
  uid: string;
  role: Role;
  level: number;
}

/**
 * The fixed cast, the same on every run so that demos and docs can name them. TOTP seeds are
 * 10 bytes (16 base32 characters), as real deployments issue them.
 * - viewer: its role may read but not write Peatio, so `authz.invalid_permission` can be shown.
 * - pending: has 2FA so that key creation gets past the 2FA gates to the pending refusal, and
 *   level 0 so that Peatio refuses it trading (`market.trade.not_permitted`).
 */
const FIXED_USERS: readonly FixedUser[] = [
  {
    uid: 'ID0000000001',
    email: 'trader@sandbox.test',
    password: 'Trader-Sandbox-1',
    totpSecret: 'JBSWY3DPEHPK3PXP',
    state: 'active',
    otp: true,
    role: 'member',
    level: 3,
  },
  { uid: 'ID0000000002', email: 'no2fa@sandbox.test', password: 'No2fa-Sandbox-1', totpSecret: null, state: 'active', otp: false, role: 'member', level: 3 },
  {
    uid: 'ID0000000003',
    email: 'viewer@sandbox.test',
    password: 'Viewer-Sandbox-1',
    totpSecret: 'GEZDGNBVGY3TQOJQ',
    state: 'active',
    otp: true,
    role: 'viewer',
    level: 3,
  },
  {
    uid: 'ID0000000004',
    email: 'pending@sandbox.test',
    password: 'Pending-Sandbox-1',
    totpSecret: 'MFRGGZDFMZTWQ2LK',
    state: 'pending',
    otp: true,
    role: 'member',
    level: 0,
  },
  { uid: 'ID0000000005', email: 'banned@sandbox.test', password: 'Banned-Sandbox-1', totpSecret: null, state: 'banned', otp: false, role: 'member', level: 3 },
  {
    uid: 'ID0000000006',
    email: 'deleted@sandbox.test',
    password: 'Deleted-Sandbox-1',
    totpSecret: null,
    state: 'deleted',
    otp: false,
    role: 'member',
    level: 3,
  },
  { uid: 'ID0000000007', email: 'locked@sandbox.test', password: 'Locked-Sandbox-1', totpSecret: null, state: 'locked', otp: false, role: 'member', level: 3 },
];

const CREATED_AT = '2024-01-15T09:30:00Z';

export const announcedUsers = (): SandboxUser[] =>
  FIXED_USERS.map(({ email, password, totpSecret, state, otp }) => ({ email, password, totpSecret, state, otp }));

export class UserStore {
  private readonly byEmail = new Map<string, UserRecord>();
  private readonly byUid = new Map<string, UserRecord>();

  constructor() {
    for (const fixed of FIXED_USERS) {
      const { uid, email, password, role, level, state, otp, totpSecret } = fixed;
      const record: UserRecord = {
        uid,
        email,
        password,
        role,
        level,
        state,
        otp,
        totpSecret,
        pendingTotpSecret: null,
        lastTotpStep: -1,
        createdAt: CREATED_AT,
        updatedAt: CREATED_AT,
      };
      this.byEmail.set(email, record);
      this.byUid.set(uid, record);
    }
  }

  findByEmail(email: string): UserRecord | undefined {
    return this.byEmail.get(email.trim().toLowerCase());
  }

  findByUid(uid: string): UserRecord | undefined {
    return this.byUid.get(uid);
  }

  all(): UserRecord[] {
    return [...this.byUid.values()];
  }
}

export function touch(user: UserRecord, nowMs: number): void {
  user.updatedAt = new Date(nowMs).toISOString();
}

/** Barong's user entity, as login and users/me send it. */
export function presentUser(user: UserRecord): Record<string, unknown> {
  return {
    email: user.email,
    uid: user.uid,
    role: user.role,
    level: user.level,
    otp: user.otp,
    state: user.state,
    referral_uid: null,
    data: '{"language":"en"}',
    username: null,
    labels: [],
    phones: [],
    profiles: [],
    data_storages: [],
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export function requireUser(user: UserRecord | undefined): UserRecord {
  // Private routes only run after authorisation found a user; this guards a wiring mistake.
  if (!user) throw new HttpFailure(401, 'authz.invalid_session');
  return user;
}
