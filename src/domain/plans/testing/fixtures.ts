/**
 * Builders for tests (and for the demo data): actors, plan content, a plan driven through its lifecycle, and meetings.
 * Everything is built through the real commands, so a fixture in a given status is one the rules allow.
 */
import { calendarDay, type CalendarDay } from '../../shared/calendar-day.ts'
import type { Result } from '../../shared/result.ts'
import type { Actor } from '../decision-event.ts'
import { startPlan, startPlanVersion, type PermanencePlan, type PlanStatus } from '../permanence-plan.ts'
import { endorsePlan, ratifyPlan, recordPlanConsideredAtPpm, sendPlanToManager } from '../plan-lifecycle.ts'
import {
  AssessmentSchema,
  ImportantPersonSchema,
  PermanenceOptionSchema,
  ViewSchema,
  type Assessment,
  type ImportantPerson,
  type PermanenceOption,
  type PlanEdit,
  type View,
} from '../plan-schemas.ts'
import { scheduleMeeting, type Meeting } from '../../meetings/meeting.ts'
import type { MeetingKind, MeetingReference } from '../../meetings/meeting-kinds.ts'
import { MeetingRecordSchema, type MeetingRecord } from '../../meetings/meeting-schemas.ts'

export const CHILD_ID = 'child-amy'
export const SIBLING_ID = 'child-ben'
export const PLAN_ID = 'plan-amy'

export const socialWorker: Actor = { id: 'user-sw', role: 'social-worker', name: 'Sam Patel' }
export const teamManager: Actor = { id: 'user-tm', role: 'team-manager', name: 'Tess Morgan' }
export const iro: Actor = { id: 'user-iro', role: 'iro', name: 'Imran Rahman' }
export const adm: Actor = { id: 'user-adm', role: 'agency-decision-maker', name: 'Alex Dean' }
export const panelChair: Actor = { id: 'user-panel', role: 'panel-member', name: 'Pat Chen' }

/**
 * A day from an ISO literal.
 * @param value - `YYYY-MM-DD`
 * @returns the calendar day
 */
export function d(value: string): CalendarDay {
  return calendarDay(value)
}

/**
 * The value of a result that the test expects to succeed.
 * @param result - the result
 * @returns its value
 * @throws Error listing the codes when it failed
 */
export function unwrap<T, E extends { code: string }>(result: Result<T, E>): T {
  if (!result.ok) {
    throw new Error(`Expected success, got ${result.errors.map(error => error.code).join(', ')}`)
  }
  return result.value
}

/**
 * The codes of a failed result (empty when it succeeded).
 * @param result - the result
 * @returns the error codes
 */
export function codes<T, E extends { code: string }>(result: Result<T, E>): string[] {
  return result.ok ? [] : result.errors.map(error => error.code)
}

/**
 * An option with defaults for everything not given.
 * @param fields - the option's fields
 * @returns the option
 */
export function option(fields: Partial<PermanenceOption> & Pick<PermanenceOption, 'id' | 'type'>): PermanenceOption {
  return PermanenceOptionSchema.parse(fields)
}

/**
 * An assessment with defaults.
 * @param fields - the assessment's fields
 * @returns the assessment
 */
export function assessment(fields: Partial<Assessment> & Pick<Assessment, 'id' | 'kind'>): Assessment {
  return AssessmentSchema.parse(fields)
}

/**
 * A person important to the child, with defaults.
 * @param fields - the person's fields
 * @returns the person
 */
export function importantPerson(
  fields: Partial<ImportantPerson> & Pick<ImportantPerson, 'id' | 'name'>,
): ImportantPerson {
  return ImportantPersonSchema.parse(fields)
}

/**
 * A view held by someone other than the child.
 * @param fields - the view's fields
 * @returns the view
 */
export function view(fields: Partial<View> & Pick<View, 'id' | 'role'>): View {
  return ViewSchema.parse(fields)
}

/**
 * A complete, endorsable plan: special guardianship with the grandmother as the primary plan, reunification on a
 * parallel track (twin tracking), long-term fostering as a viable contingency, adoption ruled out with a reason.
 * @returns the content as an edit
 */
export function endorsableContent(): PlanEdit {
  return {
    background: 'Amy (6) came into care in March 2025 after neglect at home.',
    intendedOutcomes: 'Amy grows up safely within her family, keeping her school and friends.',
    communicationNeeds: {
      summary: 'Chatty; likes drawing.',
      firstLanguage: 'English',
      needsInterpreter: false,
      toolsAndSupport: '',
    },
    legalContext: { summary: 'Interim care order; final hearing listed.', ordersSought: 'Special guardianship order' },
    keyDates: [{ id: 'kd-1', kind: 'hearing', on: d('2026-03-02'), description: 'Final hearing' }],
    placementNeeds: 'Near her school.',
    educationNeeds: 'Year 2 at Hill Primary; up-to-date PEP.',
    healthNeeds: 'Asthma; inhaler.',
    emotionalNeeds: 'Needs routine; anxious at handovers.',
    keepingInTouch: {
      currentArrangements: 'Sees her mum every Saturday at the family centre.',
      howItIsForTheChild: 'Enjoys it; upset afterwards.',
      changesPlanned: '',
    },
    importantPeople: [
      importantPerson({
        id: 'ip-gran',
        name: 'Margaret Jones',
        relationshipToChild: 'Maternal grandmother',
        asCarer: { outcome: 'being-assessed', notes: 'Special guardianship assessment under way.' },
        asSupport: { outcome: 'positive', notes: '' },
        arrangementsToPromoteRelationship: 'Weekly visits; overnight stays from February.',
      }),
      importantPerson({
        id: 'ip-mum',
        name: 'Kelly Jones',
        relationshipToChild: 'Mother',
        holdsParentalResponsibility: true,
        asCarer: { outcome: 'being-assessed', notes: 'Parenting assessment.' },
        asSupport: { outcome: 'positive', notes: '' },
        arrangementsToPromoteRelationship: 'Family time every Saturday.',
      }),
    ],
    strengths: 'Strong bond with her grandmother.',
    barriers: 'Mother’s engagement with support is inconsistent.',
    views: {
      child: {
        views: 'I want to live with Nanna and see Mummy.',
        method: 'words-and-pictures',
        methodDetails: 'Words and pictures session at school.',
        capturedOn: d('2025-12-10'),
        capturedBy: 'Sam Patel',
        notCapturedReason: '',
      },
      others: [
        view({ id: 'v-mum', role: 'parent', name: 'Kelly Jones', views: 'Wants Amy home.' }),
        view({ id: 'v-iro', role: 'iro', name: 'Imran Rahman', views: 'Supports twin tracking.' }),
      ],
    },
    siblingAssessmentSummary: '',
    siblingPlans: [],
    assessments: [
      assessment({
        id: 'as-sgo',
        kind: 'special-guardianship',
        subject: 'Margaret Jones',
        requestedOn: d('2025-11-01'),
        dueOn: d('2026-02-01'),
      }),
      assessment({
        id: 'as-parent',
        kind: 'parenting',
        subject: 'Kelly Jones',
        requestedOn: d('2025-10-01'),
        dueOn: d('2026-01-20'),
      }),
      assessment({
        id: 'as-ltf',
        kind: 'long-term-fostering-match',
        subject: 'Current foster carers',
        requestedOn: d('2025-11-15'),
        completedOn: d('2025-12-15'),
        outcome: 'positive',
      }),
    ],
    options: [
      option({
        id: 'opt-sgo',
        type: 'special-guardianship',
        isPrimary: true,
        description: 'Special guardianship with Margaret Jones',
        proposedCarerIds: ['ip-gran'],
        strengths: 'Keeps Amy in her family.',
        risks: 'Gran’s health.',
        meaningForChild: 'Amy lives with Nanna until she is grown up.',
        assessmentIds: ['as-sgo'],
      }),
      option({
        id: 'opt-home',
        type: 'reunification',
        status: 'parallel-track',
        strengths: 'Amy’s wish to see mum.',
        risks: 'Neglect may recur.',
        meaningForChild: 'Amy returns home with support.',
        assessmentIds: ['as-parent'],
      }),
      option({
        id: 'opt-ltf',
        type: 'long-term-fostering',
        status: 'contingency',
        strengths: 'Settled with carers.',
        risks: 'Remains in care.',
        meaningForChild: 'Amy stays with her foster carers.',
        assessmentIds: ['as-ltf'],
        viabilityEvidence: 'Current carers assessed and willing to care long term (December 2025).',
      }),
      option({
        id: 'opt-adopt',
        type: 'adoption',
        status: 'ruled-out',
        ruledOutOn: d('2025-12-01'),
        ruledOutReason: 'Amy has strong family ties and a relative able to care; adoption is not needed.',
        strengths: 'Legal security.',
        risks: 'Severs family ties.',
        meaningForChild: 'A new family.',
      }),
    ],
    anticipatedTimescale: { permanenceByOn: d('2026-06-30'), explanation: 'After the final hearing.' },
    decisionSharing: {
      how: 'Words and pictures at school',
      byWhom: 'Sam Patel (social worker)',
      byOn: d('2026-02-15'),
    },
  }
}

/** The dates used when driving a fixture plan through its lifecycle. */
export const LIFECYCLE_DATES = {
  started: d('2025-12-20'),
  sent: d('2026-01-02'),
  ppm: d('2026-01-05'),
  endorsed: d('2026-01-06'),
  review: d('2026-01-20'),
  today: d('2026-01-21'),
} as const

/**
 * A meeting reference for the plan rules.
 * @param id - meeting id
 * @param kind - kind
 * @param heldOn - date
 * @param childIds - children
 * @returns the reference
 */
export function meetingRef(
  id: string,
  kind: MeetingKind,
  heldOn: CalendarDay,
  childIds: readonly string[] = [CHILD_ID],
): MeetingReference {
  return { id, kind, heldOn, childIds }
}

/**
 * A plan driven through the real lifecycle commands to a status.
 * @param status - where it should end up (`superseded` is not offered: use {@link newVersionOf} and endorse)
 * @param content - content to start with (an endorsable plan by default)
 * @returns the plan in that status
 */
export function planIn(
  status: Exclude<PlanStatus, 'superseded'>,
  content: PlanEdit = endorsableContent(),
): PermanencePlan {
  const dates = LIFECYCLE_DATES
  let plan = unwrap(startPlan({ planId: PLAN_ID, childId: CHILD_ID, content }, socialWorker, dates.started)).plan
  if (status === 'draft') {
    return plan
  }
  plan = unwrap(
    sendPlanToManager(plan, { ppmOn: dates.ppm, ppmMeetingId: 'ppm-1' }, socialWorker, dates.sent, {
      rule: { days: 3, unit: 'calendar-days' },
      bankHolidays: [],
    }),
  ).plan
  if (status === 'sent-to-manager') {
    return plan
  }
  plan = unwrap(
    recordPlanConsideredAtPpm(plan, { meetingId: 'ppm-1' }, teamManager, dates.ppm, {
      meeting: meetingRef('ppm-1', 'permanence-planning-meeting', dates.ppm),
    }),
  ).plan
  if (status === 'considered-at-ppm') {
    return plan
  }
  plan = unwrap(
    endorsePlan(plan, { reasons: 'Twin tracking with a viable contingency.' }, teamManager, dates.endorsed, {
      previous: null,
      siblingPlans: [],
    }),
  ).plan
  if (status === 'endorsed') {
    return plan
  }
  return unwrap(
    ratifyPlan(plan, { reviewMeetingId: 'rev-2', reasons: 'Plan meets Amy’s needs.' }, iro, dates.review, {
      review: meetingRef('rev-2', 'statutory-review', dates.review),
    }),
  ).plan
}

/**
 * A new draft version of a plan, with an edit applied.
 * @param current - the endorsed or ratified version
 * @param edit - changes for the new version
 * @param today - the day it is started
 * @returns the new draft
 */
export function newVersionOf(current: PermanencePlan, edit: PlanEdit, today: CalendarDay): PermanencePlan {
  return unwrap(startPlanVersion(current, { changeReason: 'Review of the plan.', edit }, socialWorker, today)).plan
}

/**
 * A meeting with the given record (open unless a status is given). Built through {@link scheduleMeeting} and then
 * given the record directly, so tests can also build records the rules would refuse.
 * @param id - meeting id
 * @param kind - kind
 * @param record - fields of the record
 * @param status - the status to give it
 * @returns the meeting
 */
export function meeting(
  id: string,
  kind: MeetingKind,
  record: Partial<MeetingRecord> & Pick<MeetingRecord, 'heldOn'>,
  status: Meeting['status'] = 'open',
): Meeting {
  const chairRole =
    kind === 'statutory-review' ? 'iro' : kind === 'agency-decision' ? 'agency-decision-maker' : 'team-manager'
  const booked = unwrap(
    scheduleMeeting(
      {
        id,
        kind,
        heldOn: record.heldOn,
        chair: { name: 'Tess Morgan', userId: null, role: chairRole },
        childIds: [CHILD_ID],
        previousMeetingId: null,
        purpose: '',
        invitees: [],
      },
      teamManager,
      d('2025-01-01'),
    ),
  )
  const full = MeetingRecordSchema.parse({ ...booked.record, ...record })
  return {
    ...booked,
    status,
    record: full,
    closed: status === 'closed' ? { on: record.heldOn, by: teamManager } : null,
  }
}
