/**
 * Finds the meeting a plan decision refers to (the PPM that considered it, the review that ratified it), refusing
 * one that does not exist, was cancelled, or — where the decision needs it held and recorded — is not closed.
 */
import { loadMeeting } from '../../db/repositories/meetings-repository.ts'
import { meetingReference } from '../../domain/meetings/meeting.ts'
import type { MeetingReference } from '../../domain/meetings/meeting-kinds.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * The meeting a decision is taken at.
 * @param op - the operation
 * @param meetingId - the meeting
 * @param field - the input field that named it, for the error
 * @param mustBeClosed - whether the meeting must have been held and closed
 * @returns what the plan rules need to know about it
 * @throws RuleViolationError when there is no such meeting, it was cancelled, or it is not closed when it must be
 */
export async function meetingReferenceFor(
  op: Operation,
  meetingId: string,
  field: string,
  mustBeClosed: boolean,
): Promise<MeetingReference> {
  const stored = await loadMeeting(op.tx, meetingId)
  if (!stored) {
    throw new RuleViolationError([domainError('meeting-not-found', [field])])
  }
  if (stored.meeting.status === 'cancelled') {
    throw new RuleViolationError([domainError('meeting-cancelled', [field])])
  }
  if (mustBeClosed && stored.meeting.status !== 'closed') {
    throw new RuleViolationError([domainError('meeting-not-closed', [field])])
  }
  return meetingReference(stored.meeting)
}
