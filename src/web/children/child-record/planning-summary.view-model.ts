/**
 * The child's page summary of permanence planning (issue 5: "the current plan with its tracks and contingency;
 * meetings and actions") and a timeline of what happened, newest first, from the care record, meetings and the plan.
 */
import type { ChildPage } from '../../../app/children/view-child-page.ts'
import { CARE_EVENT_KINDS } from '../../../domain/children/care-record-inputs.ts'
import { MEETING_KINDS } from '../../../domain/meetings/meeting-kinds.ts'
import { OPTION_TYPES } from '../../../domain/plans/permanence-options.ts'
import {
  contingencies,
  isViableContingency,
  parallelTracks,
  primaryOption,
  trackingKind,
} from '../../../domain/plans/plan-queries.ts'
import { compareCalendarDays, type CalendarDay } from '../../../domain/shared/calendar-day.ts'
import { labels } from '../../content/labels.ts'
import { STATUS_TAG } from '../../plans/plan.view-model.ts'

const TRACKING = {
  none: 'No primary plan chosen yet',
  single: 'Single track',
  twin: 'Twin tracking',
  triple: 'Triple tracking',
  'more-than-triple': 'More than three tracks',
} as const

const PLAN_STAGE = {
  draft: 'Draft',
  'sent-to-manager': 'Sent to the team manager',
  'considered-at-ppm': 'Considered at the PPM',
  endorsed: 'Endorsed by the team manager',
  ratified: 'Ratified at a child in care review',
  superseded: 'Superseded',
} as const

export interface TimelineEntry {
  readonly on: CalendarDay
  readonly text: string
}

/**
 * @param page - the child's page
 * @returns the plan and meetings summary and the timeline
 */
export function planningSummaryViewModel(page: ChildPage) {
  const { plan, meetings, actions } = page.planning
  const content = plan?.content
  const primary = content ? primaryOption(content) : undefined
  const openActions = actions.filter(a => a.status === 'open')
  const nextMeeting = meetings
    .filter(m => m.status === 'open')
    .map(m => ({ on: m.record.heldOn, kind: MEETING_KINDS[m.kind].label }))
    .sort((a, b) => compareCalendarDays(a.on, b.on))[0]
  return {
    plan:
      plan && content
        ? {
            stage: PLAN_STAGE[plan.status],
            stageTag: STATUS_TAG[plan.status],
            version: plan.version,
            achieved: plan.permanenceAchieved
              ? { on: plan.permanenceAchieved.on, route: OPTION_TYPES[plan.permanenceAchieved.route].label }
              : null,
            primary: primary ? OPTION_TYPES[primary.type].label : null,
            tracking: TRACKING[trackingKind(content)],
            parallel: parallelTracks(content).map(o => OPTION_TYPES[o.type].label),
            contingencies: contingencies(content).map(o => ({
              label: OPTION_TYPES[o.type].label,
              isViable: isViableContingency(content, o),
            })),
          }
        : null,
    actions: {
      open: openActions.length,
      overdue: openActions.filter(a => a.isOverdue).length,
      list: openActions.slice(0, 5).map(a => ({
        description: a.action.description,
        owner: a.action.owner,
        dueOn: a.action.dueOn,
        isOverdue: a.isOverdue,
      })),
    },
    nextMeeting: nextMeeting ?? null,
    timeline: timelineOf(page),
  }
}

/**
 * What happened to the child, newest first: care, legal status, placements, reviews, proceedings, orders, visits and
 * other events from the record, meetings held, and the plan's decisions.
 * @param page - the child's page
 * @returns the timeline
 */
export function timelineOf(page: ChildPage): TimelineEntry[] {
  const { record } = page
  const entries: TimelineEntry[] = []
  for (const p of record.periodsOfCare) {
    entries.push({ on: p.startedOn, text: 'Became looked after' })
    if (p.endedOn) {
      entries.push({ on: p.endedOn, text: `Stopped being looked after: ${labels.reasonCareEnded(p.reasonEnded)}` })
    }
  }
  for (const s of record.legalStatuses) {
    entries.push({ on: s.startedOn, text: `Legal status: ${labels.legalStatus(s.status)}` })
  }
  for (const p of record.placements) {
    entries.push({ on: p.startedOn, text: `Placement started: ${labels.placementType(p.placementType)}` })
  }
  for (const r of record.reviews) {
    entries.push({ on: r.heldOn, text: 'Child in care review held' })
  }
  for (const p of record.proceedings) {
    entries.push({ on: p.issuedOn, text: 'Care proceedings issued' })
    if (p.concludedOn) {
      entries.push({ on: p.concludedOn, text: 'Care proceedings concluded' })
    }
  }
  for (const o of record.orders) {
    entries.push({ on: o.madeOn, text: `Order made: ${labels.orderType(o.orderType)}` })
  }
  for (const e of record.events) {
    entries.push({ on: e.occurredOn, text: CARE_EVENT_KINDS[e.kind] })
  }
  for (const m of page.planning.meetings.filter(meeting => meeting.status === 'closed')) {
    entries.push({ on: m.record.heldOn, text: `${MEETING_KINDS[m.kind].label} held` })
  }
  const plan = page.planning.plan
  if (plan) {
    const stamps: [CalendarDay | null | undefined, string][] = [
      [plan.endorsement?.on, 'Permanence plan endorsed by the team manager'],
      [plan.ratification?.on, 'Permanence plan ratified at a child in care review'],
      [plan.permanenceAchieved?.on, 'Permanence achieved'],
    ]
    for (const [on, text] of stamps) {
      if (on) {
        entries.push({ on, text })
      }
    }
  }
  return entries.sort((a, b) => compareCalendarDays(b.on, a.on))
}
