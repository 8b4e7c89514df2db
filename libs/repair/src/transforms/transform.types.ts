/** Declarative, JSON-serialisable value transforms: stored with a mapping, applied without eval. */
export type TransformSpec =
  /** Money text (`$51,130.46`, `€1.234,56`, `(12.00)`) → exact decimal string. `decimalSeparator` is guessed per value when absent. */
  | { kind: 'money_to_decimal'; decimalSeparator?: '.' | ',' }
  /** Date text in `from` (tokens YYYY, MM, DD; any separators) → `to` (default ISO `YYYY-MM-DD`). */
  | { kind: 'date_format'; from: string; to?: string }
  /** Multiplies a decimal by 10^power10, exactly (cents → units is -2). */
  | { kind: 'scale'; power10: number }
  | { kind: 'trim' }
  | { kind: 'case'; to: 'lower' | 'upper' }
  /** Integer text (`1,234`, `12.0`) → canonical integer string. */
  | { kind: 'to_integer' }
  /** true/false, yes/no, y/n, 1/0, t/f → boolean. */
  | { kind: 'to_boolean' };

export type TransformKind = TransformSpec['kind'];

export type TransformedValue = string | boolean;

export class TransformError extends Error {
  constructor(
    readonly kind: TransformKind,
    readonly value: string,
    reason: string,
  ) {
    super(`${kind}: cannot convert "${value}": ${reason}`);
  }
}
