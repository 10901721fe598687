import { boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { day, instant, versionedColumns } from './columns.ts'

// Case-file audits (0080_case-file-audits.sql): rounds, cases, every saved grading, and actions from findings.
// A case withdrawn from its round and a round cancelled while open (0081_audit-withdrawals-and-cancellations.sql).

export const auditRounds = pgTable(
  'audit_rounds',
  {
    ...versionedColumns(),
    title: text('title').notNull(),
    theme: text('theme').notNull(),
    sampleRule: jsonb('sample_rule').notNull(),
    moderationPercent: integer('moderation_percent').notNull(),
    deadlineOn: day('deadline_on').notNull(),
    status: text('status').notNull(),
    leadId: uuid('lead_id').notNull(),
    previousRoundId: uuid('previous_round_id'),
    createdOn: day('created_on').notNull(),
    closedOn: day('closed_on'),
    cancelledOn: day('cancelled_on'),
    cancelledBy: uuid('cancelled_by'),
    cancellationReason: text('cancellation_reason'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const auditCases = pgTable(
  'audit_cases',
  {
    ...versionedColumns(),
    roundId: uuid('round_id').notNull(),
    childId: uuid('child_id').notNull(),
    auditorId: uuid('auditor_id').notNull(),
    moderatorId: uuid('moderator_id'),
    withdrawnOn: day('withdrawn_on'),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawalReason: text('withdrawal_reason'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const auditGradings = pgTable(
  'audit_gradings',
  {
    id: uuid('id').notNull(),
    authorityId: uuid('authority_id').notNull(),
    caseId: uuid('case_id').notNull(),
    roundId: uuid('round_id').notNull(),
    childId: uuid('child_id').notNull(),
    stage: text('stage').notNull(),
    sequence: integer('sequence').notNull(),
    isSubmitted: boolean('is_submitted').notNull(),
    judgements: jsonb('judgements').notNull(),
    changeReason: text('change_reason').notNull().default(''),
    recordedById: uuid('recorded_by_id').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    recordedOn: day('recorded_on').notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const auditActions = pgTable(
  'audit_actions',
  {
    ...versionedColumns(),
    caseId: uuid('case_id').notNull(),
    roundId: uuid('round_id').notNull(),
    childId: uuid('child_id').notNull(),
    domain: text('domain').notNull(),
    description: text('description').notNull(),
    ownerId: uuid('owner_id'),
    ownerName: text('owner_name').notNull(),
    dueOn: day('due_on').notNull(),
    status: text('status').notNull(),
    statusOn: day('status_on'),
    note: text('note').notNull().default(''),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)
