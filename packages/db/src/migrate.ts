import 'reflect-metadata';
import { migrations } from '@ferbench/migrations';
import { DataSource } from 'typeorm';

/** Applies every pending migration; returns the names of those it ran. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'migrations', logging: false });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the newest migration (for testing that every down() works). */
export async function revertLast(url: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'migrations', logging: false });
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
