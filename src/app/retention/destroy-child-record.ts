import type { Database } from '../../db/client.ts'
import { destroyChildRows, insertOperatorAuditEvent } from '../../db/repositories/retention-repository.ts'
import { NotFoundError } from '../shared/errors.ts'

/**
 * Destroys a child's record at the end of its retention period (security D5, REL-03): an operator's decision, after
 * appraisal, with their name and the reason. The database refuses unless the child's earliest destruction date has
 * come and there is no legal hold; it keeps a tombstone (what, whose, when, why, how many rows) for ever, and the
 * audit trail keeps the destruction and the record's earlier disclosures (AUD-07).
 * @param db - the database
 * @param input - which child, who and why
 * @param input.childId - the child
 * @param input.destroyedBy - the operator's name
 * @param input.reason - the appraisal's reason
 * @returns the rows destroyed per table
 * @throws NotFoundError when there is no such child
 */
export async function destroyChildRecord(
  db: Database,
  input: { childId: string; destroyedBy: string; reason: string },
): Promise<Record<string, number>> {
  return db.ownerTransaction(async raw => {
    const destroyed = await destroyChildRows(raw, input)
    if (!destroyed) {
      throw new NotFoundError('Child')
    }
    await insertOperatorAuditEvent(raw, {
      authorityId: destroyed.authorityId,
      childId: input.childId,
      action: 'CHILD_RECORD_DESTROYED',
      details: { destroyedBy: input.destroyedBy, rows: destroyed.rows },
    })
    return destroyed.rows
  })
}
