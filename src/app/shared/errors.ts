/* eslint-disable max-classes-per-file -- a family of small error types, kept together so the status and audit outcome of each are seen side by side */
/**
 * Failures a use case reports to its adapter. Each maps to one HTTP status and one audit outcome; adapters turn them
 * into responses (API) or pages (web). Anything else thrown is a bug and becomes a 500.
 */
import type { DomainError } from '../../domain/shared/result.ts'

export type AuditOutcome = 'success' | 'denied' | 'not-found' | 'invalid' | 'conflict' | 'error'

export abstract class AppError extends Error {
  abstract readonly status: number
  abstract readonly outcome: AuditOutcome
}

/** The record does not exist, or the user may not know that it does (security SEC-01: the same answer for both). */
export class NotFoundError extends AppError {
  readonly status = 404
  readonly outcome = 'not-found' as const
  override readonly name = 'NotFoundError'
  constructor(readonly resource: string) {
    super(`${resource} not found`)
  }
}

/** The user may not do this (not about a child record, whose existence would be hidden behind a 404). */
export class ForbiddenError extends AppError {
  readonly status = 403
  readonly outcome = 'denied' as const
  override readonly name = 'ForbiddenError'
  constructor(readonly action: string) {
    super(`Not allowed: ${action}`)
  }
}

/** The record is restricted: the user may open it only by giving a reason, which is recorded and reported. */
export class BreakGlassRequiredError extends AppError {
  readonly status = 403
  readonly outcome = 'denied' as const
  override readonly name = 'BreakGlassRequiredError'
  constructor(readonly childId: string) {
    super('This record is restricted: give a reason to open it')
  }
}

/** The input broke one or more domain rules (422). */
export class RuleViolationError extends AppError {
  readonly status = 422
  readonly outcome = 'invalid' as const
  override readonly name = 'RuleViolationError'
  constructor(readonly errors: readonly DomainError[]) {
    super(`Refused: ${errors.map(e => e.code).join(', ')}`)
  }
}

/** The change was based on an earlier version than the current one (412; security REL-02). */
export class StaleVersionError extends AppError {
  readonly status = 412
  readonly outcome = 'conflict' as const
  override readonly name = 'StaleVersionError'
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`The record has changed since version ${expectedVersion}; it is now version ${currentVersion}`)
  }
}

/** A change needs the version it is based on, and none was given (428). */
export class VersionRequiredError extends AppError {
  readonly status = 428
  readonly outcome = 'invalid' as const
  override readonly name = 'VersionRequiredError'
  constructor() {
    super('Say which version you are changing (If-Match header)')
  }
}

/** The change clashes with another record, e.g. a case number already in use (409). */
export class ConflictError extends AppError {
  readonly status = 409
  readonly outcome = 'conflict' as const
  override readonly name = 'ConflictError'
  constructor(readonly errors: readonly DomainError[]) {
    super(`Conflict: ${errors.map(e => e.code).join(', ')}`)
  }
}

/** The audit event could not be written, so nothing else was either (security AUD-02: fail closed). */
export class AuditUnavailableError extends Error {
  override readonly name = 'AuditUnavailableError'
  constructor(cause: unknown) {
    super('The audit trail could not be written; the request was not carried out', { cause })
  }
}

/** The input did not parse: each field error names the field and what is wrong (400). */
export class InputError extends AppError {
  readonly status = 400
  readonly outcome = 'invalid' as const
  override readonly name = 'InputError'
  constructor(readonly errors: readonly { path: string; code: string; message: string }[]) {
    super(`Invalid input: ${errors.map(e => `${e.path} ${e.code}`).join(', ')}`)
  }
}
