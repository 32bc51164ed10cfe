import type { Command } from 'commander';

/** Each command module adds its subcommand(s) to the program. Add new ones here. */
export const commandModules: ((program: Command) => void)[] = [];
