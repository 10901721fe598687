// Tables of the security and retention migration (0030_security.sql).
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { day, instant } from './columns.ts'

export const destructionTombstones = pgTable('destruction_tombstones', {
  id: uuid('id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  childId: uuid('child_id').notNull(),
  recordClass: text('record_class').notNull(),
  recordCreatedAt: instant('record_created_at').notNull(),
  earliestDestructionOn: day('earliest_destruction_on').notNull(),
  destroyedAt: instant('destroyed_at').notNull().defaultNow(),
  destroyedBy: text('destroyed_by').notNull(),
  reason: text('reason').notNull(),
  rowsDestroyed: jsonb('rows_destroyed').$type<Record<string, number>>().notNull().default({}),
})

export const oidcSignInRequests = pgTable('oidc_sign_in_requests', {
  id: uuid('id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  stateHash: text('state_hash').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to'),
  createdAt: instant('created_at').notNull().defaultNow(),
  usedAt: instant('used_at'),
})
