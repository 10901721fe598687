import { boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { day, versionedColumns } from './columns.ts'

// The child's network (0070_child-network.sql): family meetings, kinship assessments, SGO notices, Together-or-Apart
// assessments, family time plans, sessions and suspensions, life story work. All versioned child-record tables.

const key = (t: { authorityId: never; id: never }) => [primaryKey({ columns: [t.authorityId, t.id] })]

export const familyMeetings = pgTable(
  'family_meetings',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    kind: text('kind').notNull(),
    heldOn: day('held_on').notNull(),
    attendeePersonIds: uuid('attendee_person_ids').array().notNull().default([]),
    otherAttendees: text('other_attendees'),
    offers: jsonb('offers').notNull().default([]),
    familyPlan: text('family_plan'),
  },
  t => key(t as never),
)

export const kinshipAssessments = pgTable(
  'kinship_assessments',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    startedOn: day('started_on').notNull(),
    dueOn: day('due_on'),
    completedOn: day('completed_on'),
    outcome: text('outcome'),
    planOptionId: text('plan_option_id'),
    temporaryApprovalOn: day('temporary_approval_on'),
    extensionGrantedOn: day('extension_granted_on'),
    extensionWeeks: integer('extension_weeks'),
    untilReviewOutcome: boolean('until_review_outcome').notNull().default(false),
    fullApprovalOn: day('full_approval_on'),
    summary: text('summary'),
  },
  t => key(t as never),
)

export const sgoNotices = pgTable(
  'sgo_notices',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    personId: uuid('person_id').notNull(),
    givenOn: day('given_on').notNull(),
  },
  t => key(t as never),
)

export const siblingAssessments = pgTable(
  'sibling_assessments',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    childIds: uuid('child_ids').array().notNull(),
    assessedOn: day('assessed_on').notNull(),
    pairs: jsonb('pairs').notNull(),
  },
  t => key(t as never),
)

export const familyTimePlans = pgTable(
  'family_time_plans',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    personId: uuid('person_id'),
    siblingChildId: uuid('sibling_child_id'),
    mode: text('mode').notNull(),
    sessionsPerPeriod: integer('sessions_per_period').notNull(),
    period: text('period').notNull(),
    durationMinutes: integer('duration_minutes'),
    venue: text('venue'),
    supervision: text('supervision').notNull(),
    transport: text('transport'),
    purpose: text('purpose').notNull(),
    workingAgreement: text('working_agreement'),
    workingAgreementOn: day('working_agreement_on'),
    section34OrderOn: day('section_34_order_on'),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
  },
  t => key(t as never),
)

export const familyTimeSessions = pgTable(
  'family_time_sessions',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    planId: uuid('plan_id').notNull(),
    occurredOn: day('occurred_on').notNull(),
    outcome: text('outcome').notNull(),
    cancelledBy: text('cancelled_by'),
    childExperience: text('child_experience'),
  },
  t => key(t as never),
)

export const familyTimeSuspensions = pgTable(
  'family_time_suspensions',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    planId: uuid('plan_id').notNull(),
    suspendedOn: day('suspended_on').notNull(),
    resumedOn: day('resumed_on'),
    reason: text('reason').notNull(),
    notifiedOn: day('notified_on'),
    legalAdviceOn: day('legal_advice_on'),
    section34OrderOn: day('section_34_order_on'),
  },
  t => key(t as never),
)

export const lifeStoryWork = pgTable(
  'life_story_work',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    kind: text('kind').notNull(),
    owner: text('owner').notNull(),
    dueOn: day('due_on').notNull(),
    status: text('status').notNull(),
    completedOn: day('completed_on'),
    notes: text('notes'),
  },
  t => key(t as never),
)
