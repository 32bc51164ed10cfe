/**
 * Undo steps, run last-in first-out. Every step runs even when an earlier one throws, so a failing test never
 * leaves a server, a browser or a database behind; the first error is rethrown at the end.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  async run(): Promise<void> {
    let first: unknown;
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup "${step.name}" failed:`, error);
        first ??= error;
      }
    }
    if (first !== undefined) throw first;
  }
}
