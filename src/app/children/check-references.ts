import { loadTeams, loadUsers } from '../../db/repositories/organisation-repository.ts'
import { domainError, type DomainError } from '../../domain/shared/result.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * Checks that the team, worker and IRO a child is allocated to exist in this authority and hold the right roles.
 * @param op - the operation
 * @param refs - the references
 * @param refs.teamId - the team
 * @param refs.allocatedWorkerId - the social worker (or team manager)
 * @param refs.allocatedIroId - the IRO
 * @returns errors, empty when all are sound
 */
export async function checkAllocationReferences(
  op: Operation,
  refs: { teamId?: string | null; allocatedWorkerId?: string | null; allocatedIroId?: string | null },
): Promise<DomainError[]> {
  const errors: DomainError[] = []
  if (refs.teamId) {
    const [team] = await loadTeams(op.tx, [refs.teamId])
    if (!team) {
      errors.push(domainError('team-not-found', ['teamId']))
    }
  }
  const userIds = [refs.allocatedWorkerId, refs.allocatedIroId].filter((id): id is string => Boolean(id))
  const found = new Map((await loadUsers(op.tx, userIds)).map(user => [user.id, user]))
  if (refs.allocatedWorkerId) {
    const worker = found.get(refs.allocatedWorkerId)
    if (!worker || (worker.role !== 'social-worker' && worker.role !== 'team-manager')) {
      errors.push(domainError('worker-not-found', ['allocatedWorkerId']))
    }
  }
  if (refs.allocatedIroId) {
    const iro = found.get(refs.allocatedIroId)
    if (!iro || iro.role !== 'iro') {
      errors.push(domainError('worker-not-found', ['allocatedIroId']))
    }
  }
  return errors
}
