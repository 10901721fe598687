/**
 * Turns a stored care record (our canonical facts) into the timescale engine's case history (the contract in
 * docs/case-history.md, which takes SSDA903 codes). Facts held by other parts of the system — plans and meetings,
 * adoption decisions, family time, notices — arrive as `extras`, already in the contract's shape.
 */
import type { CareRecord } from '../children/care-record.ts'
import { LEGAL_STATUSES, PLACEMENT_TYPES } from '../children/codes.ts'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { dayNumberOf } from '../deadlines/day-format.ts'
import type { CaseHistory } from './case-history.ts'

/** A connected person's temporary approval (CPPCR reg 24/25), recorded with their assessment (issue 7). */
export interface ConnectedPersonApprovalFact {
  readonly carerId: string
  readonly temporaryApprovalOn: CalendarDay
  readonly extensions: readonly { readonly grantedOn: CalendarDay; readonly weeks: number }[]
  readonly untilReviewOutcome: boolean
  readonly fullApprovalOn: CalendarDay | null
}

/** Facts from outside the care record, in the contract's shape. */
export type CaseHistoryExtras = {
  /** Temporary approvals of connected persons, attached to the placement with that carer (CON-01, CON-02). */
  readonly connectedPersonApprovals?: readonly ConnectedPersonApprovalFact[]
} & Partial<
  Pick<
    CaseHistory,
    | 'permanenceMeetings'
    | 'permanencePlans'
    | 'policyEvents'
    | 'permanenceAchieved'
    | 'longTermFostering'
    | 'adoption'
    | 'contactSuspensions'
    | 'sgoNotices'
    | 'adoptionNotices'
    | 'privateFostering'
  >
>

function datesOf(record: CareRecord, kind: CareRecord['events'][number]['kind']): { date: CalendarDay }[] {
  return record.events.filter(e => e.kind === kind).map(e => ({ date: e.occurredOn }))
}

/**
 * The temporary approval that applies to a placement: the latest one for its carer that began while the placement
 * ran (or in the week before it started: approval and placement are often recorded a day or two apart).
 * @param placement - the placement
 * @param approvals - every recorded approval
 * @returns the approval in the contract's shape, or nothing
 */
function connectedPersonApprovalOf(
  placement: CareRecord['placements'][number],
  approvals: readonly ConnectedPersonApprovalFact[],
) {
  if (placement.carerPersonId === null) {
    return {}
  }
  const candidates = approvals.filter(
    a =>
      a.carerId === placement.carerPersonId &&
      (placement.endedOn === null || a.temporaryApprovalOn < placement.endedOn) &&
      dayNumberOf(a.temporaryApprovalOn) >= dayNumberOf(placement.startedOn) - 7,
  )
  const approval = candidates.sort((a, b) => (a.temporaryApprovalOn < b.temporaryApprovalOn ? -1 : 1)).at(-1)
  if (!approval) {
    return {}
  }
  return {
    connectedPersonApproval: {
      temporaryApprovalOn: approval.temporaryApprovalOn,
      ...(approval.extensions.length > 0 ? { extensions: approval.extensions.map(e => ({ ...e })) } : {}),
      ...(approval.untilReviewOutcome ? { untilReviewOutcome: true } : {}),
      fullApprovalOn: approval.fullApprovalOn,
    },
  }
}

/**
 * Builds the engine's input for one child.
 * @param record - the child's current care record
 * @param asOf - the day to evaluate as at
 * @param extras - facts from plans, meetings, adoption and family time
 * @returns the case history
 */
export function caseHistoryFromRecord(
  record: CareRecord,
  asOf: CalendarDay,
  extras: CaseHistoryExtras = {},
): CaseHistory {
  const periodsOfCare = record.periodsOfCare.map(period => {
    const within = record.legalStatuses.filter(
      s => s.startedOn >= period.startedOn && (period.endedOn === null || s.startedOn < period.endedOn),
    )
    const first = within.find(s => s.startedOn === period.startedOn) ?? within[0]
    return {
      start: period.startedOn,
      end: period.endedOn,
      legalStatus: LEGAL_STATUSES[first?.status ?? 'section-20'].code,
      legalStatusChanges: within
        .filter(s => s !== first)
        .map(s => ({ on: s.startedOn, legalStatus: LEGAL_STATUSES[s.status].code })),
    }
  })
  const placementPlans = new Map<string, CalendarDay>()
  for (const event of record.events) {
    if (event.kind === 'placement-plan' && event.placementId && !placementPlans.has(event.placementId)) {
      placementPlans.set(event.placementId, event.occurredOn)
    }
  }
  const placements = record.placements
    .filter(p => p.endedOn === null || p.endedOn > p.startedOn)
    .map(p => ({
      start: p.startedOn,
      end: p.endedOn,
      placementType: PLACEMENT_TYPES[p.placementType].code,
      carerId: p.carerPersonId,
      intendedUntil18: p.isIntendedUntilEighteen,
      placementPlanOn: placementPlans.get(p.id) ?? null,
      ...connectedPersonApprovalOf(p, extras.connectedPersonApprovals ?? []),
    }))
  const holders = (type: string) =>
    new Set(record.orders.filter(o => o.orderType === type && o.endedOn === null).flatMap(o => o.holderPersonIds))
  const specialGuardians = holders('special-guardianship-order')
  const livesWith = holders('child-arrangements-order')
  const people = record.relationships.map(r => {
    const person = record.people.find(p => p.id === r.personId)
    return {
      id: r.personId,
      relationship: r.relationship,
      isLocalAuthorityFosterParent: person?.isLocalAuthorityFosterCarer ?? false,
      holdsParentalResponsibility: r.holdsParentalResponsibility,
      ...(person?.dateOfBirthOn ? { dateOfBirth: person.dateOfBirthOn } : {}),
      ...(specialGuardians.has(r.personId) ? { isSpecialGuardian: true } : {}),
      ...(livesWith.has(r.personId) ? { isNamedInLivesWithOrder: true } : {}),
    }
  })
  const known = new Set(people.map(p => p.id))
  const livingHistory = [
    ...record.livingArrangements.map(l => ({ personId: l.personId, from: l.startedOn, to: l.endedOn })),
    ...record.placements
      .filter(p => p.carerPersonId !== null && (p.endedOn === null || p.endedOn > p.startedOn))
      .map(p => ({ personId: p.carerPersonId!, from: p.startedOn, to: p.endedOn })),
  ].filter(spell => known.has(spell.personId))
  const placementOrder = record.legalStatuses.find(s => s.status === 'placement-order')
  const placedForAdoption = record.placements.find(p => PLACEMENT_TYPES[p.placementType].code.startsWith('A'))
  const adoptionOrder = record.orders.find(o => o.orderType === 'adoption-order')
  const derivedAdoption =
    placementOrder || placedForAdoption || adoptionOrder
      ? {
          placementOrderOn: placementOrder?.startedOn ?? null,
          placedForAdoptionOn: placedForAdoption?.startedOn ?? null,
          adoptionOrderOn: adoptionOrder?.madeOn ?? null,
        }
      : null
  return {
    child: { dateOfBirth: record.child.dateOfBirthOn, isDisabled: record.child.hasDisability },
    asOf,
    periodsOfCare,
    placements,
    reviews: record.reviews.map(r => ({
      date: r.heldOn,
      ...(r.broughtForwardKind ? { broughtForward: true, broughtForwardReason: r.broughtForwardKind } : {}),
      ...(r.consideredStayingPut ? { stayingPutConsidered: true } : {}),
    })),
    visits: datesOf(record, 'statutory-visit'),
    carePlans: datesOf(record, 'care-plan'),
    permanenceMeetings: extras.permanenceMeetings ?? [],
    permanencePlans: extras.permanencePlans ?? [],
    proceedings: record.proceedings.map(p => ({
      issuedOn: p.issuedOn,
      extensions: p.extensions.map(e => ({ grantedOn: e.grantedOn, weeks: e.weeks })),
      finalCarePlanFilingOn: p.finalCarePlanFilingOn,
      concludedOn: p.concludedOn,
    })),
    // Decisions (from the agency decision maker) add to what the record shows (orders, placements).
    adoption: extras.adoption ? { ...(derivedAdoption ?? {}), ...extras.adoption } : derivedAdoption,
    healthAssessments: record.events
      .filter(e => e.kind === 'health-assessment-initial' || e.kind === 'health-assessment-review')
      .map(e => ({ date: e.occurredOn, kind: e.kind === 'health-assessment-initial' ? 'initial' : 'review' })),
    personalEducationPlans: datesOf(record, 'personal-education-plan'),
    contactSuspensions: extras.contactSuspensions ?? [],
    people,
    livingHistory,
    childAndFamilyAssessments: datesOf(record, 'child-and-family-assessment').map(e => ({ completedOn: e.date })),
    careLeaverNeedsAssessments: datesOf(record, 'care-leaver-needs-assessment').map(e => ({ completedOn: e.date })),
    stayingPutDiscussions: datesOf(record, 'staying-put-discussion'),
    ...(extras.policyEvents ? { policyEvents: extras.policyEvents } : {}),
    ...(extras.permanenceAchieved !== undefined ? { permanenceAchieved: extras.permanenceAchieved } : {}),
    ...(extras.longTermFostering !== undefined ? { longTermFostering: extras.longTermFostering } : {}),
    ...(extras.sgoNotices ? { sgoNotices: extras.sgoNotices.filter(n => known.has(n.personId)) } : {}),
    ...(extras.adoptionNotices ? { adoptionNotices: extras.adoptionNotices } : {}),
    ...(extras.privateFostering ? { privateFostering: extras.privateFostering } : {}),
  }
}
