/**
 * Shared steps of the care-record use cases: check the changed record against its invariants, and turn a
 * repository's update outcome into the right failure.
 */
import { validateCareRecord } from '../../domain/children/care-record-rules.ts'
import type { CareRecord, FactKind } from '../../domain/children/care-record.ts'
import { domainError, type DomainError } from '../../domain/shared/result.ts'
import type { UpdateOutcome } from '../../db/repositories/care-record-repository.ts'
import { NotFoundError, RuleViolationError, StaleVersionError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * Refuses the change when the record, with the change applied, breaks an invariant. Errors about the changed fact
 * are reported against its own fields; errors it causes elsewhere name the other fact.
 * @param op - the operation (for today's date)
 * @param record - the record with the change applied
 * @param changed - the fact that was changed, if any
 * @param changed.kind - its kind
 * @param changed.id - its id
 * @throws RuleViolationError when any invariant is broken
 */
export function assertCareRecordValid(
  op: Operation,
  record: CareRecord,
  changed?: { readonly kind: FactKind | 'child'; readonly id: string },
): void {
  const issues = validateCareRecord(record, op.today)
  if (issues.length === 0) {
    return
  }
  const errors: DomainError[] = issues.map(issue =>
    changed && issue.fact === changed.kind && issue.factId === changed.id
      ? domainError(issue.code, [issue.field], issue.params ? { ...issue.params } : undefined)
      : domainError(
          issue.code,
          [issue.fact, issue.factId, issue.field],
          issue.params ? { ...issue.params } : undefined,
        ),
  )
  throw new RuleViolationError(errors)
}

/**
 * Turns an update outcome into success or the right failure.
 * @param outcome - what the repository reported
 * @param expectedVersion - the version the user based the change on
 * @param resource - what was being changed, for the not-found message
 * @returns the new version
 */
export function versionAfter(outcome: UpdateOutcome, expectedVersion: number, resource: string): number {
  switch (outcome.kind) {
    case 'updated':
      return outcome.version
    case 'stale':
      throw new StaleVersionError(expectedVersion, outcome.currentVersion)
    case 'missing':
      throw new NotFoundError(resource)
  }
}

/**
 * The write context for repositories.
 * @param op - the operation
 * @returns authority, user and time
 */
export function writeContextOf(op: Operation): { authorityId: string; userId: string; now: Date } {
  return { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now }
}
