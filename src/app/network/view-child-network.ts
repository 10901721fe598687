import {
  loadNetworkRows,
  loadSiblingAssessmentsNaming,
  type NetworkRow,
} from '../../db/repositories/network-repository.ts'
import type { StoredTimescaleItem } from '../../db/repositories/timescales-repository.ts'
import type { CareRecord, ChildRelationship, Person } from '../../domain/children/care-record.ts'
import { earliestDayMonthsAfter } from '../../domain/deadlines/period.ts'
import { dayNumberOf, isoDay } from '../../domain/deadlines/day-format.ts'
import {
  isFamilyTimePlanOpen,
  plannedVersusActual,
  suspensionPath,
  type PlannedVersusActual,
  type SuspensionPath,
} from '../../domain/network/family-time.ts'
import type { PairStatus } from '../../domain/network/siblings.ts'
import { OPTION_TYPES } from '../../domain/plans/permanence-options.ts'
import { addCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { EligibilityResult } from '../../domain/timescales/eligibility/eligibility-result.ts'
import { childNames, loadChildHeader, type ChildHeader } from '../plans/child-header.ts'
import { loadPlanState, planningPermissions } from '../plans/plan-support.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { currentChildTimescales } from '../timescales/view-child-timescales.ts'
import { careRecordOf } from './network-support.ts'
import { statusOfPairs } from './sibling-status.ts'

/** Someone in the child's network: the person and how they relate to the child. */
export interface NetworkMember {
  readonly person: Person
  readonly relationship: ChildRelationship
}

export interface FamilyTimePlanView {
  readonly plan: NetworkRow
  /** Whom family time is with. */
  readonly withName: string
  readonly sessions: readonly NetworkRow[]
  readonly suspensions: readonly (NetworkRow & { readonly path: SuspensionPath })[]
  readonly plannedVersusActual: readonly PlannedVersusActual[]
  /** The plan is still running today (no end date, or one still to come). */
  readonly isOpen: boolean
  /** Family time under the plan is suspended today (never once the plan has ended). */
  readonly isSuspended: boolean
}

export interface ChildNetworkView {
  readonly child: ChildHeader
  readonly record: CareRecord
  readonly members: readonly NetworkMember[]
  readonly siblings: readonly (PairStatus & { readonly otherId: string; readonly otherName: string | null })[]
  readonly siblingAssessments: readonly NetworkRow[]
  readonly familyMeetings: readonly NetworkRow[]
  readonly kinshipAssessments: readonly NetworkRow[]
  readonly sgoNotices: readonly (NetworkRow & { readonly earliestApplicationOn: CalendarDay })[]
  readonly familyTime: readonly FamilyTimePlanView[]
  readonly lifeStory: readonly (NetworkRow & { readonly state: 'done' | 'overdue' | 'due-soon' | 'upcoming' })[]
  /** Each carer or relative's legal routes (E-CAO, E-SGO, E-ADO) from the engine. */
  readonly legalRoutes: readonly { readonly personId: string; readonly results: readonly EligibilityResult[] }[]
  /** The engine's items about the network: CON-01, CON-02, KIT-01. */
  readonly timescaleItems: readonly StoredTimescaleItem[]
  /** The family options in the child's latest plan, to link assessments to. */
  readonly planOptions: readonly { readonly id: string; readonly label: string }[]
  readonly canEdit: boolean
  readonly names: Readonly<Record<string, string>>
}

const NETWORK_RULES = new Set(['CON-01', 'CON-02', 'KIT-01'])

/**
 * Everything about the child's network: people and relationships, brothers and sisters and whether they live
 * together, family meetings, assessments and notices, family time with planned against actual, life story work,
 * and who could apply for which order and when.
 * @param op - the operation
 * @param childId - the child
 * @returns the view
 */
export async function viewChildNetwork(op: Operation, childId: string): Promise<ChildNetworkView> {
  await authoriseChild(op, childId, 'child:view')
  const child = await loadChildHeader(op, childId)
  const record = await careRecordOf(op, childId)
  const people = new Map(record.people.map(p => [p.id, p]))
  const members = record.relationships.flatMap(relationship => {
    const person = people.get(relationship.personId)
    return person ? [{ person, relationship }] : []
  })
  const pairs = record.siblings.map(s => ({ childId, siblingChildId: s.siblingChildId, kind: s.kind }))
  const statuses = await statusOfPairs(op.tx, pairs, op.today)
  const names = await childNames(
    op,
    record.siblings.map(s => s.siblingChildId),
  )
  const rows = async (kind: Parameters<typeof loadNetworkRows>[1]) => loadNetworkRows(op.tx, kind, [childId])
  const plans = await rows('family-time-plans')
  const sessions = await rows('family-time-sessions')
  const suspensions = await rows('family-time-suspensions')
  const reviewDates = record.reviews.map(r => r.heldOn)
  const statusOn = (day: CalendarDay) =>
    [...record.legalStatuses]
      .filter(s => s.startedOn <= day && (s.endedOn === null || s.endedOn > day))
      .sort((a, b) => (a.startedOn < b.startedOn ? -1 : 1))
      .at(-1)?.status ?? null
  const personName = (id: string) => {
    const p = people.get(id)
    return p ? `${p.givenNames} ${p.familyName}` : 'Someone in the network'
  }
  const familyTime = plans.map(plan => {
    const isOpen = isFamilyTimePlanOpen({ endedOn: (plan.endedOn as CalendarDay | null) ?? null }, op.today)
    const own = sessions
      .filter(s => s.planId === plan.id)
      .sort((a, b) => ((a.occurredOn as string) < (b.occurredOn as string) ? -1 : 1))
    const stops = suspensions
      .filter(s => s.planId === plan.id)
      .map((s): NetworkRow & { path: SuspensionPath } => ({
        ...s,
        path: suspensionPath(
          {
            suspendedOn: s.suspendedOn as CalendarDay,
            resumedOn: (s.resumedOn as CalendarDay | null) ?? null,
            section34OrderOn: (s.section34OrderOn as CalendarDay | null) ?? null,
          },
          statusOn(s.suspendedOn as CalendarDay),
          op.today,
        ),
      }))
    return {
      plan,
      withName:
        plan.personId !== null
          ? personName(plan.personId as string)
          : (names[plan.siblingChildId as string] ?? 'A brother or sister'),
      sessions: own,
      suspensions: stops,
      plannedVersusActual: plannedVersusActual(
        {
          sessionsPerPeriod: plan.sessionsPerPeriod as number,
          period: plan.period as 'week',
          startedOn: plan.startedOn as CalendarDay,
          endedOn: (plan.endedOn as CalendarDay | null) ?? null,
        },
        own.map(s => ({
          occurredOn: s.occurredOn as CalendarDay,
          outcome: s.outcome as 'attended',
          cancelledBy: (s.cancelledBy as string | null) ?? null,
        })),
        stops.map(s => ({
          suspendedOn: s.suspendedOn as CalendarDay,
          resumedOn: (s.resumedOn as CalendarDay | null) ?? null,
        })),
        reviewDates,
        op.today,
      ),
      isOpen,
      isSuspended: isOpen && stops.some(s => s.resumedOn === null || (s.resumedOn as string) > op.today),
    }
  })
  const soon = addCalendarDays(op.today, 28)
  const lifeStory = (await rows('life-story-work')).map(item => ({
    ...item,
    state:
      item.status === 'completed'
        ? ('done' as const)
        : (item.dueOn as string) < op.today
          ? ('overdue' as const)
          : (item.dueOn as string) <= soon
            ? ('due-soon' as const)
            : ('upcoming' as const),
  }))
  // Authorised above; the care record is the one just loaded.
  const timescales = await currentChildTimescales(op, childId, record)
  const eligibility = timescales.eligibility as EligibilityResult[]
  const legalRoutes = members
    .filter(m => !['teacher', 'professional'].includes(m.relationship.relationship))
    .map(m => ({
      personId: m.person.id,
      results: eligibility.filter(e => e.personId === m.person.id && e.order !== null),
    }))
  const plan = await loadPlanState(op, childId)
  const options = plan.latest?.plan.content.options ?? []
  const permissions = await planningPermissions(op, childId)
  return {
    child,
    record,
    members,
    siblings: statuses.map(s => ({
      ...s,
      otherId: s.siblingChildId,
      otherName: names[s.siblingChildId] ?? null,
    })),
    siblingAssessments: await loadSiblingAssessmentsNaming(op.tx, [childId]),
    familyMeetings: await rows('family-meetings'),
    kinshipAssessments: await rows('kinship-assessments'),
    sgoNotices: (await rows('sgo-notices')).map(notice => ({
      ...notice,
      // CA89 s.14A(7); rules.md SGO-01 and §5 T16 — notice before the start of the 3 months ending with the application.
      earliestApplicationOn: isoDay(earliestDayMonthsAfter(dayNumberOf(notice.givenOn as string), 3)),
    })),
    familyTime,
    lifeStory,
    legalRoutes,
    timescaleItems: timescales.items.filter(i => NETWORK_RULES.has(i.rule)),
    planOptions: options.map(o => ({
      id: o.id,
      label: `${OPTION_TYPES[o.type].label}${o.description ? `: ${o.description}` : ''}`,
    })),
    canEdit: permissions.canEditPlan,
    names,
  }
}
