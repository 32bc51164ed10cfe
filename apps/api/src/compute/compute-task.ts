import type { PairedKappaBootstrap } from '@ferbench/scores';
import type { TableAgreement } from '@ferbench/shared';
import { type AgreementTask, runAgreementTask } from './agreement-task.js';
import { type PairedKappaTask, runPairedKappaTask } from './paired-kappa-task.js';

/** What the pool's threads run: an agreement bootstrap, or the paired κ bootstrap of a perturbation. */
export type ComputeTask = AgreementTask | PairedKappaTask;

export type ComputeResult = TableAgreement | PairedKappaBootstrap;

export function runComputeTask(task: ComputeTask): ComputeResult {
  return 'paired' in task ? runPairedKappaTask(task) : runAgreementTask(task);
}
