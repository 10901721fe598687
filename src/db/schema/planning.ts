import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { day, instant, versionedColumns } from './columns.ts'

// Permanence planning (0020_permanence-planning.sql): plans by version, decisions, meetings, action updates, panel
// requests, agency decisions, "My plan" and each authority's planning settings.

export const planningSettings = pgTable('planning_settings', {
  authorityId: uuid('authority_id').primaryKey(),
  version: integer('version').notNull().default(1),
  guidancePolicy: text('guidance_policy'),
  vocabulary: text('vocabulary').notNull().default('national'),
  planToManagerDays: integer('plan_to_manager_days'),
  planToManagerUnit: text('plan_to_manager_unit'),
  planToManagerUnitConfirmed: boolean('plan_to_manager_unit_confirmed').notNull().default(false),
  ppmEveryMonths: integer('ppm_every_months'),
  ltfReviewMonths: integer('ltf_review_months'),
  panelCostThresholdPence: bigint('panel_cost_threshold_pence', { mode: 'number' }),
  purposesAlwaysToPanel: text('purposes_always_to_panel').array().notNull().default([]),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
})

export const permanencePlans = pgTable(
  'permanence_plans',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    planId: uuid('plan_id').notNull(),
    planVersion: integer('plan_version').notNull(),
    status: text('status').notNull(),
    primaryOptionType: text('primary_option_type'),
    hasViableContingency: boolean('has_viable_contingency').notNull(),
    startedOn: day('started_on').notNull(),
    sentToManagerOn: day('sent_to_manager_on'),
    consideredAtPpmOn: day('considered_at_ppm_on'),
    endorsedOn: day('endorsed_on'),
    ratifiedOn: day('ratified_on'),
    supersededOn: day('superseded_on'),
    permanenceAchievedOn: day('permanence_achieved_on'),
    plan: jsonb('plan').notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const decisionEvents = pgTable(
  'decision_events',
  {
    id: uuid('id').notNull(),
    authorityId: uuid('authority_id').notNull(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    subjectVersion: integer('subject_version').notNull(),
    childIds: uuid('child_ids').array().notNull(),
    decidedById: uuid('decided_by_id'),
    decidedByRole: text('decided_by_role').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    decidedOn: day('decided_on').notNull(),
    recordedOn: day('recorded_on').notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
    reasons: text('reasons'),
    details: jsonb('details').notNull().default({}),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const meetings = pgTable(
  'meetings',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    childIds: uuid('child_ids').array().notNull(),
    meetingVersion: integer('meeting_version').notNull().default(1),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    heldOn: day('held_on').notNull(),
    nextMeetingOn: day('next_meeting_on'),
    statutoryReviewIds: jsonb('statutory_review_ids').notNull().default({}),
    meeting: jsonb('meeting').notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const actionUpdates = pgTable(
  'action_updates',
  {
    id: uuid('id').notNull(),
    authorityId: uuid('authority_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    actionId: text('action_id').notNull(),
    sequence: integer('sequence').notNull(),
    childIds: uuid('child_ids').array().notNull(),
    status: text('status').notNull(),
    updatedOn: day('updated_on').notNull(),
    note: text('note').notNull().default(''),
    byId: uuid('by_id'),
    byRole: text('by_role').notNull(),
    byName: text('by_name').notNull(),
    recordedOn: day('recorded_on').notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const panelRequests = pgTable(
  'panel_requests',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    childIds: uuid('child_ids').array().notNull(),
    status: text('status').notNull(),
    purpose: text('purpose').notNull(),
    route: text('route').notNull(),
    costPence: bigint('cost_pence', { mode: 'number' }),
    request: jsonb('request').notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const admDecisions = pgTable(
  'adm_decisions',
  {
    id: uuid('id').notNull(),
    authorityId: uuid('authority_id').notNull(),
    childId: uuid('child_id').notNull(),
    kind: text('kind').notNull(),
    outcome: text('outcome').notNull(),
    decidedOn: day('decided_on').notNull(),
    decision: jsonb('decision').notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const myPlans = pgTable(
  'my_plans',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    planId: uuid('plan_id').notNull(),
    planVersion: integer('plan_version').notNull(),
    sections: jsonb('sections').notNull(),
    composedOn: day('composed_on').notNull(),
    sharedOn: day('shared_on'),
    sharedWith: text('shared_with'),
    sharedById: uuid('shared_by_id'),
    sharedByName: text('shared_by_name'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)
