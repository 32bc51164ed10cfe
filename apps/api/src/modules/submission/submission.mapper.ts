import type { SubmissionType } from './dto/submission.type.js';
import type { SubmissionStatusEnum } from './dto/submission-status.enum.js';
import type { SubmissionRow } from './submission.repository.js';

export function toSubmissionType(row: SubmissionRow): SubmissionType {
  return { ...row, status: row.status as SubmissionStatusEnum, card: row.card as unknown as Record<string, unknown> };
}
