import { loadCareRecord, loadCareRecords } from '../../db/repositories/care-record-repository.ts'
import { loadPlanningFacts } from '../../db/repositories/planning-facts-repository.ts'
import { loadPlanVersions, loadSiblingIds } from '../../db/repositories/plans-repository.ts'
import { auditFactsFor, mergeFacts, type AuditFact, type AuditFactInput } from '../../domain/audits/audit-facts.ts'
import type { Placement } from '../../domain/children/care-record.ts'
import { OPTION_TYPES } from '../../domain/plans/permanence-options.ts'
import {
  areChildViewsRecorded,
  contingencies,
  hasViableContingency,
  primaryOptionType,
  ruledOutOptions,
} from '../../domain/plans/plan-queries.ts'
import { versionInForce } from '../../domain/plans/plan-timescale-facts.ts'
import { compareCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Operation } from '../shared/run-operation.ts'
import { extraAuditFacts } from './audit-fact-sources.ts'

function currentPlacement(placements: readonly Placement[], today: CalendarDay): Placement | undefined {
  return placements.find(
    p =>
      compareCalendarDays(p.startedOn, today) <= 0 && (p.endedOn === null || compareCalendarDays(p.endedOn, today) > 0),
  )
}

function sameHome(a: Placement | undefined, b: Placement | undefined): boolean {
  if (!a || !b) {
    return false
  }
  if (a.carerPersonId !== null && a.carerPersonId === b.carerPersonId) {
    return true
  }
  return a.providerName !== null && a.providerName === b.providerName && a.postcode === b.postcode
}

/**
 * Gathers the facts the system holds about a child for the audit form (the caller has authorised the view).
 * @param op - the operation
 * @param childId - the child
 * @returns the facts, built-in and from pluggable sources
 */
export async function loadAuditFacts(op: Operation, childId: string): Promise<AuditFact[]> {
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    return []
  }
  const planning = await loadPlanningFacts(op.tx, childId, op.today)
  const versions = (await loadPlanVersions(op.tx, childId)).map(v => v.plan)
  const inForce = versionInForce(versions)
  const siblingIds = await loadSiblingIds(op.tx, childId)
  const siblingRecords = await loadCareRecords(op.tx, siblingIds)
  const own = currentPlacement(record.placements, op.today)
  const siblingsInCare = siblingRecords.filter(s => currentPlacement(s.placements, op.today) !== undefined)
  const content = inForce?.content
  const type = content ? primaryOptionType(content) : null
  const input: AuditFactInput = {
    today: op.today,
    periodsOfCare: record.periodsOfCare,
    reviews: record.reviews,
    placements: record.placements,
    siblingCount: siblingIds.length,
    siblingsLivingApart: own
      ? siblingsInCare.filter(s => !sameHome(own, currentPlacement(s.placements, op.today))).length
      : null,
    plan:
      content && planning.plan
        ? {
            firstEndorsedOn: planning.plan.firstEndorsedOn,
            firstRatifiedOn: planning.plan.firstRatifiedOn,
            primaryOptionLabel: type ? OPTION_TYPES[type].label : null,
            contingencies: contingencies(content).length,
            hasViableContingency: hasViableContingency(content),
            optionsConsidered: content.options.length,
            optionsRuledOut: ruledOutOptions(content).length,
            optionsRuledOutWithReason: ruledOutOptions(content).filter(o => o.ruledOutReason.trim() !== '').length,
            assessments: content.assessments.length,
            assessmentsCompleted: content.assessments.filter(a => a.completedOn !== null).length,
            areChildViewsRecorded: areChildViewsRecorded(content),
            familyMembersConsideredAsCarers: content.importantPeople.filter(
              p => p.asCarer.outcome !== 'not-yet-considered',
            ).length,
            siblingAssessmentSummary: content.siblingAssessmentSummary,
            anticipatedPermanenceByOn: planning.plan.anticipatedPermanenceByOn,
            permanenceAchievedOn: planning.plan.permanenceAchieved?.on ?? null,
          }
        : null,
    planningMeetings: planning.meetings.meetings
      .filter(m => m.kind === 'permanence-planning-meeting' && m.status === 'closed')
      .map(m => ({ heldOn: m.on, nextOn: m.nextMeetingOn })),
    openActions: planning.meetings.actions.filter(a => a.status === 'open').length,
    overdueActions: planning.meetings.actions.filter(a => a.isOverdue).length,
  }
  return mergeFacts(auditFactsFor(input), await extraAuditFacts(op.tx, childId, op.today))
}
