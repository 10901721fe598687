/**
 * Decisions of the agency decision maker (ADM): that a child should be placed for adoption (AAR 2005 reg 19), a match
 * with prospective adopters (reg 33), a fostering for adoption placement (CPPCR 2010 reg 25A; [TAM] §8.7 "the
 * agreement of the Agency Decision Maker sought before it goes ahead"). Each is an immutable decision with reasons; a
 * change of mind is a new decision, never an edit.
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError, fail, ok, type Result } from '../shared/result.ts'
import { decisionEvent, type Actor, type DecisionEvent } from '../plans/decision-event.ts'
import type { PanelError } from './panel-errors.ts'
import type { AdmDecisionInput } from './panel-schemas.ts'

export interface AdmDecision extends AdmDecisionInput {
  readonly id: string
  readonly decidedBy: Actor
  readonly recordedOn: CalendarDay
}

/**
 * Records an ADM decision. A match with adopters needs an earlier, agreed "should be placed for adoption" decision
 * for the same child (AAR 2005: the match follows the decision that adoption is the plan; [SPK] "Key Stages").
 * @param input - the decision and its id (chosen by the adapter)
 * @param actor - the agency decision maker
 * @param today - today's date
 * @param earlier - the child's earlier ADM decisions
 * @returns the decision and an `adm-decision-recorded` event
 */
export function recordAdmDecision(
  input: AdmDecisionInput & { readonly id: string },
  actor: Actor,
  today: CalendarDay,
  earlier: readonly AdmDecision[],
): Result<{ decision: AdmDecision; event: DecisionEvent }, PanelError> {
  if (actor.role !== 'agency-decision-maker') {
    return fail(domainError('role-not-permitted', ['actor', 'role'], { role: actor.role, command: 'adm-decision' }))
  }
  const errors: PanelError[] = []
  if (input.reasons.trim() === '') {
    errors.push(domainError('reasons-required', ['reasons']))
  }
  if (compareCalendarDays(input.decidedOn, today) > 0) {
    errors.push(domainError('date-in-future', ['decidedOn'], { today }))
  }
  if (input.panelRecommendation.trim() !== '' && input.panelMeetingId === null) {
    errors.push(domainError('panel-recommendation-without-meeting', ['panelMeetingId']))
  }
  if (input.kind === 'adoption-match' && input.outcome === 'agreed') {
    const placementDecision = earlier.some(
      decision =>
        decision.childId === input.childId &&
        decision.kind === 'should-be-placed-for-adoption' &&
        decision.outcome === 'agreed' &&
        decision.decidedOn <= input.decidedOn,
    )
    if (!placementDecision) {
      errors.push(domainError('match-without-placement-decision', ['kind']))
    }
  }
  if (errors.length > 0) {
    return fail(...errors)
  }
  const decision: AdmDecision = { ...input, reasons: input.reasons.trim(), decidedBy: actor, recordedOn: today }
  return ok({
    decision,
    event: decisionEvent(
      'adm-decision-recorded',
      { type: 'adm-decision', id: input.id, version: 1 },
      [input.childId],
      actor,
      input.decidedOn,
      today,
      decision.reasons,
      {
        kind: input.kind,
        outcome: input.outcome,
        panelMeetingId: input.panelMeetingId,
        panelRecommendation: input.panelRecommendation,
      },
    ),
  })
}
