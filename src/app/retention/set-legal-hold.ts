import type { Database } from '../../db/client.ts'
import { insertOperatorAuditEvent, setLegalHold } from '../../db/repositories/retention-repository.ts'
import { NotFoundError } from '../shared/errors.ts'

/**
 * Puts a legal hold on a child's record (an inquiry, litigation, a subject access request in progress), which stops
 * its destruction whatever its retention date, or lifts the hold (security D5). Audited; the reason is kept with the
 * new version of the record.
 * @param db - the database
 * @param input - which child, hold or lift, who and why
 * @param input.childId - the child
 * @param input.isHeld - hold (true) or lift (false)
 * @param input.reason - why
 * @param input.operator - who
 * @throws NotFoundError when there is no such child
 */
export async function setChildLegalHold(
  db: Database,
  input: { childId: string; isHeld: boolean; reason: string; operator: string },
): Promise<void> {
  await db.ownerTransaction(async raw => {
    const found = await setLegalHold(raw, input.childId, input.isHeld, input.reason)
    if (!found) {
      throw new NotFoundError('Child')
    }
    await insertOperatorAuditEvent(raw, {
      authorityId: found.authorityId,
      childId: input.childId,
      action: input.isHeld ? 'LEGAL_HOLD_SET' : 'LEGAL_HOLD_LIFTED',
      details: { operator: input.operator },
    })
  })
}
