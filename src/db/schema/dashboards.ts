import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { day, instant } from './columns.ts'

// Dashboard snapshots (0093_dashboard-snapshots.sql): the authority dashboard's figures, computed once a day.

export const dashboardSnapshots = pgTable(
  'dashboard_snapshots',
  {
    authorityId: uuid('authority_id').notNull(),
    kind: text('kind').notNull(),
    asOf: day('as_of').notNull(),
    computedAt: instant('computed_at').notNull().defaultNow(),
    computedByTrigger: text('computed_by_trigger').notNull(),
    computedBy: uuid('computed_by'),
    computationMs: integer('computation_ms').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.kind, t.asOf] })],
)
