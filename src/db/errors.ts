/**
 * PostgreSQL errors arrive wrapped (Drizzle's "Failed query" keeps the driver's error as `cause`). These helpers
 * find the database error in the chain so callers can act on its SQLSTATE code.
 */
export interface PostgresError {
  readonly code: string
  readonly message: string
  readonly constraint?: string
}

/**
 * The PostgreSQL error inside an error chain, if any.
 * @param error - anything thrown
 * @returns the database error, or undefined
 */
export function findPostgresError(error: unknown): PostgresError | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (
      typeof current === 'object' &&
      'code' in current &&
      typeof current.code === 'string' &&
      /^[0-9A-Z]{5}$/.test(current.code)
    ) {
      const candidate = current as { code: string; message?: unknown; constraint?: unknown }
      return {
        code: candidate.code,
        message: typeof candidate.message === 'string' ? candidate.message : '',
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
      }
    }
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined
  }
  return undefined
}

/** SQLSTATE codes we act on. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  insufficientPrivilege: '42501',
  serializationFailure: '40001',
} as const
