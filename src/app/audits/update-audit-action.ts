import { listAuditActions, updateAuditActionRow } from '../../db/repositories/audits-repository.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { domainError } from '../../domain/shared/result.ts'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { rowVersionAfter } from '../plans/plan-support.ts'
import { auditContextOf } from './audit-support.ts'

/**
 * Marks an action from an audit finding done, dropped (with a reason) or open again, by someone who may edit the
 * child's plan (the same people who act on the plan's own actions). Each change is a new version of the action.
 * @param op - the operation
 * @param childId - the child
 * @param actionId - the action
 * @param expectedVersion - the version the user saw
 * @param input - the status, when, and a note (a reason when dropped)
 * @returns the new version
 */
export async function updateAuditAction(
  op: Operation,
  childId: string,
  actionId: string,
  expectedVersion: number,
  input: { status: 'open' | 'done' | 'dropped'; on: CalendarDay | null; note: string },
): Promise<{ version: number }> {
  await authoriseChild(op, childId, 'plan:edit')
  if (input.status === 'dropped' && input.note.trim() === '') {
    throw new RuleViolationError([domainError('action-dropped-without-reason', ['note'])])
  }
  const action = (await listAuditActions(op.tx, { childId })).find(a => a.id === actionId)
  if (!action) {
    throw new NotFoundError('Action')
  }
  const version = rowVersionAfter(
    await updateAuditActionRow(op.tx, auditContextOf(op), actionId, expectedVersion, {
      status: input.status,
      statusOn: input.status === 'open' ? null : (input.on ?? op.today),
      note: input.note.trim(),
    }),
    expectedVersion,
    'Action',
  )
  op.addAuditDetail('actionId', actionId)
  op.addAuditDetail('actionStatus', input.status)
  return { version }
}
