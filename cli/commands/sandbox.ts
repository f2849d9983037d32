import { sandboxMain } from '../../sandbox/command-line';
import type { Command } from '../io';

// The sandbox prints its own JSON line and help; it is the same program as `npm run sandbox`.
export const sandbox: Command = (argv) => sandboxMain(argv);
