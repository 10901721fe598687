import { boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { day, instant, versionedColumns } from './columns.ts'

export const careEvents = pgTable(
  'care_events',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    kind: text('kind').notNull(),
    occurredOn: day('occurred_on').notNull(),
    placementId: uuid('placement_id'),
    notes: text('notes'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const policyPacks = pgTable(
  'policy_packs',
  {
    ...versionedColumns(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const timescaleItems = pgTable(
  'timescale_items',
  {
    authorityId: uuid('authority_id').notNull(),
    childId: uuid('child_id').notNull(),
    position: integer('position').notNull(),
    rule: text('rule').notNull(),
    title: text('title').notNull(),
    dueOn: day('due_on'),
    status: text('status').notNull(),
    metOn: day('met_on'),
    explanation: text('explanation').notNull(),
    source: text('source').notNull(),
    isProvisional: boolean('is_provisional').notNull().default(false),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  t => [primaryKey({ columns: [t.authorityId, t.childId, t.position] })],
)

export const childTimescales = pgTable(
  'child_timescales',
  {
    authorityId: uuid('authority_id').notNull(),
    childId: uuid('child_id').notNull(),
    evaluatedAsOf: day('evaluated_as_of').notNull(),
    evaluatedAt: instant('evaluated_at').notNull().defaultNow(),
    policyPack: text('policy_pack').notNull(),
    policyVersion: text('policy_version').notNull(),
    calendarVersion: text('calendar_version').notNull(),
    overdueCount: integer('overdue_count').notNull(),
    dueSoonCount: integer('due_soon_count').notNull(),
    nextDueOn: day('next_due_on'),
    drift: jsonb('drift').$type<Record<string, unknown>>().notNull(),
    eligibility: jsonb('eligibility').$type<unknown[]>().notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.childId] })],
)
