import type { ChildReturnCheck } from '../../app/returns/check-child-return.ts'
import type { ValidationFailure } from '../../domain/returns/validation-failure.ts'

/** A failure as a page prints it. */
export interface FailureRow {
  readonly rule: string
  readonly where: string
  readonly message: string
  readonly isWarning: boolean
}

/**
 * A failure for a page: the rule, where it shows in the return, and what to do.
 * @param failure - the failure
 * @returns the row
 */
export function failureRow(failure: ValidationFailure): FailureRow {
  return {
    rule: failure.rule,
    where: `${failure.table}, ${failure.field}`,
    message: failure.message,
    isWarning: failure.severity === 'warning',
  }
}

/**
 * What the child's page shows about the SSDA903 return: the year and what would fail in it.
 * @param check - the child's return check
 * @returns the values the partial prints
 */
export function childReturnViewModel(check: ChildReturnCheck) {
  return { label: check.label, failures: check.failures.map(failureRow) }
}
