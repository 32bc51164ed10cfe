import type { Command } from 'commander';
import { registerConvertCommand } from './convert.command.js';
import { registerAgreement } from './agreement.command.js';

/** Each command module adds its subcommand(s) to the program. Add new ones here. */
export const commandModules: ((program: Command) => void)[] = [registerAgreement, registerConvertCommand];
