import { type EnsembleSummary, type Transaction, createEnsemble } from '@ferbench/scores';
import type { DataSource } from 'typeorm';

export class EnsembleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Registers the ensemble and writes its predictions in one transaction (the engine's SQL, as the CLI's). */
  create(args: { id: string; rule: string; members: readonly string[] }): Promise<EnsembleSummary> {
    const transaction: Transaction = (work) => this.dataSource.transaction((manager) => work((sql, params) => manager.query(sql, params)));
    return createEnsemble(transaction, args);
  }
}
