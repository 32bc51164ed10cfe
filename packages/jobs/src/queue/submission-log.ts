
/** One line of a submission's log: when, which worker, what happened. */
export function submissionLogLine(workerId: string, message: string, at: Date = new Date()): string {
  return `${at.toISOString()} [${workerId}] ${message}\n`;
}
