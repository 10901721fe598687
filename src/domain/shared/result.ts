/**
 * A domain rule broken by a command: a stable code (kebab-case, one union per area), the path of the field it
 * concerns, and values for the message. User-facing text lives in the adapters (house style §6.4).
 */
export interface DomainError<Code extends string = string> {
  readonly code: Code
  readonly path: readonly (string | number)[]
  readonly params?: Readonly<Record<string, string | number>>
}

/** Success with a value, or failure with one or more domain errors. */
export type Result<T, E = DomainError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly E[] }

/**
 * Wraps a value as a success.
 * @param value - the result
 * @returns an ok result
 */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

/**
 * Wraps one or more errors as a failure.
 * @param errors - what went wrong
 * @returns a failed result
 */
export function fail<E>(...errors: E[]): { readonly ok: false; readonly errors: readonly E[] } {
  return { ok: false, errors }
}

/**
 * Builds a domain error.
 * @param code - the stable code
 * @param path - the field path
 * @param params - values for the message
 * @returns the error
 */
export function domainError<Code extends string>(
  code: Code,
  path: readonly (string | number)[],
  params?: Record<string, string | number>,
): DomainError<Code> {
  return params === undefined ? { code, path } : { code, path, params }
}
