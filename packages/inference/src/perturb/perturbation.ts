/** A parameter's value: a number, or one of an enumeration's words. */
export type ParamValue = number | string;

export interface NumberParam {
  readonly name: string;
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly description: string;
}

export interface EnumParam {
  readonly name: string;
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly default: string;
  readonly description: string;
}

export type ParamSpec = NumberParam | EnumParam;

/**
 * A perturbation with every parameter given, named canonically: `name(k=v, …)` with all parameters in their
 * declared order (defaults written out), or just `name` for one without parameters. The canonical name is the
 * key predictions are stored under, so `blur(2)` and `blur(sigma=2)` are one perturbation.
 */
export interface Perturbation {
  readonly name: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly canonical: string;
}
