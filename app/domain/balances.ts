import { z } from 'zod';

/** One currency of the account as Peatio's balances endpoint gives it: amounts stay decimal strings. */
export const balanceSchema = z.object({ currency: z.string(), balance: z.string(), locked: z.string() });
export const balancesSchema = z.array(balanceSchema);
export type Balance = z.output<typeof balanceSchema>;
