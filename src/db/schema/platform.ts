import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { instant } from './columns.ts'

export const authorities = pgTable('authorities', {
  authorityId: uuid('authority_id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  policyPack: text('policy_pack').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: instant('created_at').notNull().defaultNow(),
})

export const services = pgTable('services', {
  id: uuid('id').primaryKey(),
  authorityId: uuid('authority_id').notNull(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
})

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  authorityId: uuid('authority_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
})

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  authorityId: uuid('authority_id').notNull(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  teamId: uuid('team_id'),
  serviceId: uuid('service_id'),
  passwordHash: text('password_hash'),
  totpSecret: text('totp_secret'),
  isTotpEnabled: boolean('is_totp_enabled').notNull().default(false),
  totpLastUsedStep: bigint('totp_last_used_step', { mode: 'number' }),
  oidcSubject: text('oidc_subject'),
  isActive: boolean('is_active').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  lastActiveAt: instant('last_active_at'),
  version: integer('version').notNull().default(1),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
})

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey(),
  authorityId: uuid('authority_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  csrfToken: text('csrf_token').notNull(),
  isSecondFactorDone: boolean('is_second_factor_done').notNull().default(false),
  createdAt: instant('created_at').notNull().defaultNow(),
  lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
  absoluteExpiresAt: instant('absolute_expires_at').notNull(),
  revokedAt: instant('revoked_at'),
  clientAddress: text('client_address'),
  userAgent: text('user_agent'),
})

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  authorityId: uuid('authority_id').notNull(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
  lastUsedAt: instant('last_used_at'),
  revokedAt: instant('revoked_at'),
})

export const signInAttempts = pgTable('sign_in_attempts', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  authorityId: uuid('authority_id').notNull(),
  userId: uuid('user_id').notNull(),
  attemptedAt: instant('attempted_at').notNull().defaultNow(),
  isSuccess: boolean('is_success').notNull(),
  clientAddress: text('client_address'),
})

export const auditEvents = pgTable('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  authorityId: uuid('authority_id').notNull(),
  occurredAt: instant('occurred_at').notNull().defaultNow(),
  userId: uuid('user_id'),
  role: text('role'),
  childId: uuid('child_id'),
  action: text('action').notNull(),
  purpose: text('purpose'),
  outcome: text('outcome').notNull(),
  clientAddress: text('client_address'),
  requestId: text('request_id'),
  method: text('method'),
  route: text('route'),
  breakGlassReason: text('break_glass_reason'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
})

/** The children each audit event names, one row each, written by a trigger on audit_events (0011). */
export const auditEventChildren = pgTable(
  'audit_event_children',
  {
    authorityId: uuid('authority_id').notNull(),
    childId: uuid('child_id').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.childId, t.occurredAt, t.eventId] })],
)

export const recordVersions = pgTable('record_versions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  authorityId: uuid('authority_id').notNull(),
  tableName: text('table_name').notNull(),
  recordId: uuid('record_id').notNull(),
  childId: uuid('child_id'),
  version: integer('version').notNull(),
  operation: text('operation').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  changedBy: uuid('changed_by'),
  changedAt: instant('changed_at').notNull().defaultNow(),
  changeReason: text('change_reason'),
})

export const childAssignments = pgTable('child_assignments', {
  id: uuid('id').notNull(),
  authorityId: uuid('authority_id').notNull(),
  childId: uuid('child_id').notNull(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').notNull(),
  sourceId: uuid('source_id'),
  startedAt: instant('started_at').notNull().defaultNow(),
  endedAt: instant('ended_at'),
})
