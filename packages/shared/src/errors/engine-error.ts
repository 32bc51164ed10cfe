
/**
 * A failure of the engine's own making (a dataset folder in the wrong layout, a card that does not fit its ONNX
 * file), with a message meant for the person at the terminal. Each package subclasses it with its own code enum,
 * so callers (the CLI, the API) react to the kind of failure rather than to its wording.
 */
export abstract class EngineError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** The findings one by one, without file paths, for callers that show them to someone else (the API). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
