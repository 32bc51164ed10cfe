import { DEVICES, type Device } from '@ferbench/inference';
import { InvalidArgumentError } from 'commander';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

export function device(value: string): Device {
  if (!(DEVICES as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${DEVICES.join(', ')}`);
  return value as Device;
}

/** "all", or a comma-separated list of ids. */
export function idList(value: string): string[] | 'all' {
  if (value === 'all') return 'all';
  const ids = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw new InvalidArgumentError('expected "all" or a comma-separated list of ids');
  return ids;
}
