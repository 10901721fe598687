/**
 * The rules a network record must keep (issue 7), as coded errors with the field they concern. Pure: the use case
 * passes what it knows about the child (their network, brothers and sisters, family time plans, today).
 */
import { formatCalendarDay, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError, type DomainError } from '../shared/result.ts'
import { isFamilyTimePlanOpen } from './family-time.ts'
import type { NetworkCreate, NetworkKind } from './network-inputs.ts'

/** What the rules need to know about the child. */
export interface NetworkRuleContext {
  readonly childId: string
  readonly today: CalendarDay
  /** People linked to the child (current relationships). */
  readonly personIds: ReadonlySet<string>
  /** The child's brothers and sisters (current sibling links). */
  readonly siblingIds: ReadonlySet<string>
  /** The child's family time plans (current), with the day each ended (null: running). */
  readonly plans: ReadonlyMap<string, { readonly endedOn: CalendarDay | null }>
}

type Errors = DomainError[]

function notFuture(errors: Errors, context: NetworkRuleContext, day: CalendarDay | null, field: string): void {
  if (day !== null && day > context.today) {
    errors.push(domainError('date-in-future', [field]))
  }
}

function endAfterStart(errors: Errors, start: CalendarDay, end: CalendarDay | null, field: string): void {
  if (end !== null && end <= start) {
    errors.push(domainError('end-before-start', [field]))
  }
}

/** A plan's session or suspension is checked against the plan: it must be one of the child's, and before its end. */
function underPlan(errors: Errors, context: NetworkRuleContext, planId: string, day: CalendarDay, field: string): void {
  const plan = context.plans.get(planId)
  if (plan === undefined) {
    errors.push(domainError('plan-not-found', ['planId']))
  } else if (plan.endedOn !== null && day >= plan.endedOn) {
    // From its end day on, the plan no longer applies (docs/network.md): nothing happens under it any more.
    errors.push(domainError('after-plan-ended', [field], { endedOn: formatCalendarDay(plan.endedOn) }))
  }
}

function inNetwork(errors: Errors, context: NetworkRuleContext, personId: string | null, path: (string | number)[]) {
  if (personId !== null && !context.personIds.has(personId)) {
    errors.push(domainError('person-not-in-network', path))
  }
}

/**
 * Checks a network record (new or corrected) against the rules of its kind.
 * @param kind - the kind of record
 * @param record - the record's values
 * @param context - what is known about the child
 * @returns the rules broken (none when it may be saved)
 */
export function checkNetworkRecord<K extends NetworkKind>(
  kind: K,
  record: NetworkCreate<K>,
  context: NetworkRuleContext,
): DomainError[] {
  const errors: Errors = []
  switch (kind) {
    case 'family-meetings': {
      const r = record as NetworkCreate<'family-meetings'>
      notFuture(errors, context, r.heldOn, 'heldOn')
      r.attendeePersonIds.forEach((id, i) => inNetwork(errors, context, id, ['attendeePersonIds', i]))
      r.offers.forEach((offer, i) => inNetwork(errors, context, offer.personId, ['offers', i, 'personId']))
      break
    }
    case 'kinship-assessments': {
      const r = record as NetworkCreate<'kinship-assessments'>
      inNetwork(errors, context, r.personId, ['personId'])
      notFuture(errors, context, r.startedOn, 'startedOn')
      notFuture(errors, context, r.completedOn, 'completedOn')
      if (r.outcome !== null && r.completedOn === null) {
        errors.push(domainError('outcome-needs-completion', ['completedOn']))
      }
      if (r.completedOn !== null && r.outcome === null) {
        errors.push(domainError('completion-needs-outcome', ['outcome']))
      }
      if (r.kind !== 'connected-person' && (r.temporaryApprovalOn !== null || r.extensionGrantedOn !== null)) {
        errors.push(domainError('temporary-approval-not-connected', ['temporaryApprovalOn']))
      }
      notFuture(errors, context, r.temporaryApprovalOn, 'temporaryApprovalOn')
      notFuture(errors, context, r.extensionGrantedOn, 'extensionGrantedOn')
      notFuture(errors, context, r.fullApprovalOn, 'fullApprovalOn')
      // CPPCR 2010 reg 25; rules.md CON-02 — one extension, of at most 8 weeks, of a temporary approval.
      if (r.extensionGrantedOn !== null && r.temporaryApprovalOn === null) {
        errors.push(domainError('extension-needs-approval', ['temporaryApprovalOn']))
      }
      if (r.extensionGrantedOn !== null && r.extensionWeeks === null) {
        errors.push(domainError('extension-needs-weeks', ['extensionWeeks']))
      }
      break
    }
    case 'sgo-notices': {
      const r = record as NetworkCreate<'sgo-notices'>
      inNetwork(errors, context, r.personId, ['personId'])
      notFuture(errors, context, r.givenOn, 'givenOn')
      break
    }
    case 'sibling-assessments': {
      const r = record as NetworkCreate<'sibling-assessments'>
      notFuture(errors, context, r.assessedOn, 'assessedOn')
      if (!r.childIds.includes(context.childId)) {
        errors.push(domainError('child-not-in-assessment', ['childIds']))
      }
      r.childIds.forEach((id, i) => {
        if (id !== context.childId && !context.siblingIds.has(id)) {
          errors.push(domainError('not-a-sibling', ['childIds', i]))
        }
      })
      const group = new Set(r.childIds)
      const seen = new Set<string>()
      r.pairs.forEach((pair, i) => {
        if (pair.childId === pair.siblingChildId || !group.has(pair.childId) || !group.has(pair.siblingChildId)) {
          errors.push(domainError('pair-not-in-group', ['pairs', i, 'siblingChildId']))
        }
        const key = [pair.childId, pair.siblingChildId].sort().join('/')
        if (seen.has(key)) {
          errors.push(domainError('pair-repeated', ['pairs', i, 'siblingChildId']))
        }
        seen.add(key)
      })
      break
    }
    case 'family-time-plans': {
      const r = record as NetworkCreate<'family-time-plans'>
      if ((r.personId === null) === (r.siblingChildId === null)) {
        errors.push(domainError('person-or-sibling-required', ['personId']))
      }
      inNetwork(errors, context, r.personId, ['personId'])
      if (r.siblingChildId !== null && !context.siblingIds.has(r.siblingChildId)) {
        errors.push(domainError('not-a-sibling', ['siblingChildId']))
      }
      endAfterStart(errors, r.startedOn, r.endedOn, 'endedOn')
      // A plan's end day records that it has ended: a day still to come is not an end (docs/network.md).
      notFuture(errors, context, r.endedOn, 'endedOn')
      break
    }
    case 'family-time-sessions': {
      const r = record as NetworkCreate<'family-time-sessions'>
      underPlan(errors, context, r.planId, r.occurredOn, 'occurredOn')
      notFuture(errors, context, r.occurredOn, 'occurredOn')
      if (r.outcome === 'cancelled' && r.cancelledBy === null) {
        errors.push(domainError('cancelled-by-required', ['cancelledBy']))
      }
      if (r.outcome !== 'cancelled' && r.cancelledBy !== null) {
        errors.push(domainError('cancelled-by-not-cancelled', ['cancelledBy']))
      }
      break
    }
    case 'family-time-suspensions': {
      const r = record as NetworkCreate<'family-time-suspensions'>
      underPlan(errors, context, r.planId, r.suspendedOn, 'suspendedOn')
      notFuture(errors, context, r.suspendedOn, 'suspendedOn')
      notFuture(errors, context, r.resumedOn, 'resumedOn')
      endAfterStart(errors, r.suspendedOn, r.resumedOn, 'resumedOn')
      break
    }
    case 'life-story-work': {
      const r = record as NetworkCreate<'life-story-work'>
      if (r.status === 'completed' && r.completedOn === null) {
        errors.push(domainError('completed-needs-date', ['completedOn']))
      }
      if (r.status !== 'completed' && r.completedOn !== null) {
        errors.push(domainError('completed-date-needs-status', ['status']))
      }
      notFuture(errors, context, r.completedOn, 'completedOn')
      break
    }
  }
  return errors
}

/**
 * Checks the day a family time plan is said to have ended, when a worker ends a running plan: the plan must still be
 * running, and the day must be after the day it started (from its end day on, the plan no longer applies, so one that
 * ended the day it started never ran: remove it as recorded in error instead) and not in the future.
 * @param plan - the plan as stored: when it started and any day it has already ended
 * @param endedOn - the day it ended
 * @param today - today
 * @returns the rules broken, against `endedOn` (none when it may be ended)
 */
export function checkFamilyTimePlanEnd(
  plan: { readonly startedOn: CalendarDay; readonly endedOn: CalendarDay | null },
  endedOn: CalendarDay,
  today: CalendarDay,
): DomainError[] {
  if (plan.endedOn !== null && !isFamilyTimePlanOpen(plan, today)) {
    return [domainError('plan-already-ended', ['endedOn'], { endedOn: plan.endedOn })]
  }
  const errors: Errors = []
  endAfterStart(errors, plan.startedOn, endedOn, 'endedOn')
  if (endedOn > today) {
    errors.push(domainError('date-in-future', ['endedOn']))
  }
  return errors
}
