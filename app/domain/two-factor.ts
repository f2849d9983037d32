/** What a 2FA code is asked for: the login, and each change of a key on the exchange. */
export const CODE_PURPOSES = ['login', 'create-key', 'change-key', 'delete-key'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
