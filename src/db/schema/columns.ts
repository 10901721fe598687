import { date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** A date-only column, read and written as `YYYY-MM-DD` (never a JS Date: rules.md §5 T21). */
export const day = (name: string) => date(name, { mode: 'string' })

/** A moment, as a JS Date in and out (stored as timestamptz, UTC). */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * The columns every versioned child-record table has: identity, authority, version, who and when, and the void.
 * Mirrors the SQL in src/db/migrations; `schema.int.test.ts` checks the two agree.
 * @returns the column builders
 */
export function versionedColumns() {
  return {
    id: uuid('id').notNull(),
    authorityId: uuid('authority_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    voidedAt: instant('voided_at'),
    voidedBy: uuid('voided_by'),
    voidReason: text('void_reason'),
  }
}
