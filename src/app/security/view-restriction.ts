import { loadChildDetails } from '../../db/repositories/care-record-repository.ts'
import { listManagedUsers, type ManagedUser } from '../../db/repositories/security-repository.ts'
import { NotFoundError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'

export interface RestrictionView {
  readonly childId: string
  readonly version: number
  readonly sensitivity: string
  readonly category: string | null
  readonly ownerId: string | null
  readonly reviewOn: string | null
  readonly permittedUserIds: readonly string[]
  /** Who may own a restriction (active team managers and administrators). */
  readonly owners: readonly ManagedUser[]
  /** Who may be named in the permitted set (active accounts). */
  readonly people: readonly ManagedUser[]
}

/**
 * A child's restriction, for the form that sets or lifts it (security PRIV-01). Shows no name of the child.
 * @param op - the operation
 * @param childId - the child
 * @returns the restriction and the people who can own it or be named in it
 */
export async function viewRestriction(op: Operation, childId: string): Promise<RestrictionView> {
  await authoriseChild(op, childId, 'restriction:manage')
  const child = await loadChildDetails(op.tx, childId)
  if (!child) {
    throw new NotFoundError('Child')
  }
  const people = (await listManagedUsers(op.tx)).filter(u => u.isActive)
  return {
    childId,
    version: child.version,
    sensitivity: child.sensitivity,
    category: child.restrictionCategory,
    ownerId: child.restrictionOwnerId,
    reviewOn: child.restrictionReviewOn,
    permittedUserIds: child.restrictionPermittedUserIds,
    owners: people.filter(u => u.role === 'team-manager' || u.role === 'administrator'),
    people,
  }
}
