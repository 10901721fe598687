import { setChangeReason } from '../../db/client.ts'
import { loadCareRecord, updateChild } from '../../db/repositories/care-record-repository.ts'
import { loadManagedUser } from '../../db/repositories/security-repository.ts'
import type { RestrictionInput } from '../../domain/access/restriction-inputs.ts'
import type { CareRecord } from '../../domain/children/care-record.ts'
import { domainError, type DomainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, versionAfter, writeContextOf } from '../children/care-record-checks.ts'

/** Roles that can own a restriction: they review it and see its break-glass report (restrictions:report). */
const OWNER_ROLES: ReadonlySet<string> = new Set(['team-manager', 'administrator'])

/**
 * Restricts a child's record, or changes its restriction (security PRIV-01): a category, an owner (an active team
 * manager or administrator, who reviews it and is told of break-glass openings through the report), a review date
 * no more than 90 days ahead, and the people who may open it without giving a reason. Everyone else whom the policy
 * would let in must break the glass. A new version of the child, with the reason, in the record's history.
 * @param op - the operation
 * @param childId - the child
 * @param expectedVersion - the version of the child the user saw (If-Match)
 * @param input - the restriction and the reason
 * @returns the child's new version
 */
export async function restrictChildRecord(
  op: Operation,
  childId: string,
  expectedVersion: number,
  input: RestrictionInput,
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'restriction:manage')
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  if (record.child.sensitivity === 'sealed') {
    throw new RuleViolationError([domainError('record-sealed', [])])
  }
  const errors: DomainError[] = []
  const owner = await loadManagedUser(op.tx, input.ownerId)
  if (!owner || !owner.isActive || !OWNER_ROLES.has(owner.role)) {
    errors.push(domainError('restriction-owner-not-allowed', ['ownerId']))
  }
  const permitted = [...new Set(input.permittedUserIds)]
  for (const [index, userId] of permitted.entries()) {
    if (!(await loadManagedUser(op.tx, userId))) {
      errors.push(domainError('permitted-user-not-found', ['permittedUserIds', String(index)]))
    }
  }
  if (input.reviewOn < op.today) {
    errors.push(domainError('restriction-review-in-past', ['reviewOn']))
  }
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const changes = {
    sensitivity: 'restricted' as const,
    restrictionCategory: input.category,
    restrictionOwnerId: input.ownerId,
    restrictionReviewOn: input.reviewOn,
    restrictionPermittedUserIds: permitted,
  }
  const changed: CareRecord = { ...record, child: { ...record.child, ...changes } }
  assertCareRecordValid(op, changed, { kind: 'child', id: childId })
  await setChangeReason(op.tx, input.reason)
  const version = versionAfter(
    await updateChild(op.tx, writeContextOf(op), childId, expectedVersion, changes),
    expectedVersion,
    'Child',
  )
  op.addAuditDetail('category', input.category)
  op.addAuditDetail('reviewOn', input.reviewOn)
  op.addAuditDetail('permittedCount', permitted.length)
  return { version }
}
