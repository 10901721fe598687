/**
 * Stores case-file audits (0080): rounds, their cases, every saved version of each audit form and moderation, and
 * the actions findings set on a child's record; and reads the children a sample can be drawn from. Updates are
 * conditional on the row version the user saw (security REL-02). A withdrawn case and a cancelled round (0081) are
 * read like any other (the use cases leave them out of the figures); a voided row is never read.
 */
import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { AuditDomain } from '../../domain/audits/audit-domains.ts'
import type {
  AuditCase,
  AuditJudgements,
  AuditRound,
  CaseWithdrawal,
  GradingVersion,
  ModerationJudgements,
  RoundCancellation,
  RoundStatus,
} from '../../domain/audits/audit-round.ts'
import type { SampleCandidate, SampleRule } from '../../domain/audits/audit-sample.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Tx } from '../client.ts'
import {
  auditActions,
  auditCases,
  auditGradings,
  auditRounds,
  childAssignments,
  children,
  legalStatuses,
  periodsOfCare,
} from '../schema/index.ts'
import type { PlanningWriteContext, RowUpdateOutcome } from './plans-repository.ts'

/**
 * The children a sample can be drawn from: looked after on the day, not voided, not restricted or sealed (a sample
 * must not open a restricted record to an auditor; named children can still be added by the lead).
 * @param tx - the transaction
 * @param today - the day
 * @returns each child with their team and current legal status
 */
export async function listSampleCandidates(tx: Tx, today: CalendarDay): Promise<SampleCandidate[]> {
  return tx
    .select({
      childId: children.id,
      teamId: children.teamId,
      legalStatus: sql<string | null>`(SELECT s.status FROM ${legalStatuses} s
        WHERE s.child_id = ${children.id} AND s.voided_at IS NULL AND s.started_on <= ${today}
          AND (s.ended_on IS NULL OR s.ended_on > ${today}) ORDER BY s.started_on DESC LIMIT 1)`,
    })
    .from(children)
    .where(
      and(
        isNull(children.voidedAt),
        eq(children.sensitivity, 'normal'),
        sql`EXISTS (SELECT 1 FROM ${periodsOfCare} p WHERE p.child_id = ${children.id} AND p.voided_at IS NULL
          AND p.started_on <= ${today} AND (p.ended_on IS NULL OR p.ended_on > ${today}))`,
      ),
    )
}

type RoundRow = typeof auditRounds.$inferSelect

function toRound(row: RoundRow): AuditRound {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    theme: row.theme,
    sampleRule: row.sampleRule as SampleRule,
    moderationPercent: row.moderationPercent,
    deadlineOn: row.deadlineOn as CalendarDay,
    status: row.status as RoundStatus,
    leadId: row.leadId,
    previousRoundId: row.previousRoundId,
    createdOn: row.createdOn as CalendarDay,
    closedOn: row.closedOn as CalendarDay | null,
    cancellation:
      row.cancelledOn !== null && row.cancelledBy !== null && row.cancellationReason !== null
        ? {
            cancelledOn: row.cancelledOn as CalendarDay,
            cancelledById: row.cancelledBy,
            reason: row.cancellationReason,
          }
        : null,
  }
}

/**
 * Writes a new round.
 * @param tx - the transaction
 * @param context - who and when
 * @param round - the round (version 1)
 */
export async function insertRound(tx: Tx, context: PlanningWriteContext, round: AuditRound): Promise<void> {
  await tx.insert(auditRounds).values({
    id: round.id,
    authorityId: context.authorityId,
    title: round.title,
    theme: round.theme,
    sampleRule: round.sampleRule,
    moderationPercent: round.moderationPercent,
    deadlineOn: round.deadlineOn,
    status: round.status,
    leadId: round.leadId,
    previousRoundId: round.previousRoundId,
    createdOn: round.createdOn,
    closedOn: round.closedOn,
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
}

/**
 * One round.
 * @param tx - the transaction
 * @param roundId - the round
 * @returns it, unless missing or voided
 */
export async function loadRound(tx: Tx, roundId: string): Promise<AuditRound | undefined> {
  const [row] = await tx
    .select()
    .from(auditRounds)
    .where(and(eq(auditRounds.id, roundId), isNull(auditRounds.voidedAt)))
  return row ? toRound(row) : undefined
}

/**
 * Every round, newest first.
 * @param tx - the transaction
 * @returns the rounds
 */
export async function listRounds(tx: Tx): Promise<AuditRound[]> {
  const rows = await tx
    .select()
    .from(auditRounds)
    .where(isNull(auditRounds.voidedAt))
    .orderBy(desc(auditRounds.createdOn), desc(auditRounds.createdAt))
  return rows.map(toRound)
}

/**
 * Moves a round to its next version with some values changed, if it is still at the version the user saw and not
 * voided (and meets `also`, if given).
 * @param tx - the transaction
 * @param context - who and when
 * @param roundId - the round
 * @param expectedVersion - the version seen
 * @param values - the changed columns
 * @param also - a further condition the round must meet
 * @returns the outcome: updated, stale (with the version now stored) or missing
 */
async function updateRoundRow(
  tx: Tx,
  context: PlanningWriteContext,
  roundId: string,
  expectedVersion: number,
  values: Partial<typeof auditRounds.$inferInsert>,
  also?: SQL,
): Promise<RowUpdateOutcome> {
  const updated = await tx
    .update(auditRounds)
    .set({ ...values, version: expectedVersion + 1, updatedAt: context.now, updatedBy: context.userId })
    .where(
      and(eq(auditRounds.id, roundId), eq(auditRounds.version, expectedVersion), isNull(auditRounds.voidedAt), also),
    )
    .returning({ version: auditRounds.version })
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const current = await loadRound(tx, roundId)
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/**
 * Moves a case to its next version with some values changed, if it is still at the version the user saw, and
 * neither voided nor withdrawn.
 * @param tx - the transaction
 * @param context - who and when
 * @param caseId - the case
 * @param expectedVersion - the version seen
 * @param values - the changed columns
 * @returns the outcome: updated, stale (with the version now stored) or missing
 */
async function updateCaseRow(
  tx: Tx,
  context: PlanningWriteContext,
  caseId: string,
  expectedVersion: number,
  values: Partial<typeof auditCases.$inferInsert>,
): Promise<RowUpdateOutcome> {
  const updated = await tx
    .update(auditCases)
    .set({ ...values, version: expectedVersion + 1, updatedAt: context.now, updatedBy: context.userId })
    .where(
      and(
        eq(auditCases.id, caseId),
        eq(auditCases.version, expectedVersion),
        isNull(auditCases.voidedAt),
        isNull(auditCases.withdrawnOn),
      ),
    )
    .returning({ version: auditCases.version })
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const current = await loadCase(tx, caseId)
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/**
 * Closes a round, if it is still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param roundId - the round
 * @param expectedVersion - the version seen
 * @param closedOn - the day it closes
 * @returns the outcome
 */
export async function closeRoundRow(
  tx: Tx,
  context: PlanningWriteContext,
  roundId: string,
  expectedVersion: number,
  closedOn: CalendarDay,
): Promise<RowUpdateOutcome> {
  return updateRoundRow(tx, context, roundId, expectedVersion, { status: 'closed', closedOn })
}

/**
 * Writes a round's cases and the assignments that let their auditors and moderators see the children.
 * @param tx - the transaction
 * @param context - who and when
 * @param cases - the cases
 */
export async function insertCases(tx: Tx, context: PlanningWriteContext, cases: readonly AuditCase[]): Promise<void> {
  if (cases.length === 0) {
    return
  }
  await tx.insert(auditCases).values(
    cases.map(c => ({
      id: c.id,
      authorityId: context.authorityId,
      roundId: c.roundId,
      childId: c.childId,
      auditorId: c.auditorId,
      moderatorId: c.moderatorId,
      createdAt: context.now,
      createdBy: context.userId,
      updatedAt: context.now,
      updatedBy: context.userId,
    })),
  )
  await tx.insert(childAssignments).values(
    cases.flatMap(c =>
      [c.auditorId, c.moderatorId]
        .filter((id): id is string => id !== null)
        .map(userId => ({
          id: randomUUID(),
          authorityId: context.authorityId,
          childId: c.childId,
          userId,
          kind: 'audit-round',
          sourceId: c.roundId,
          startedAt: context.now,
        })),
    ),
  )
}

/**
 * Ends the assignments a round gave (when it closes or is cancelled): its auditors no longer see its children.
 * @param tx - the transaction
 * @param roundId - the round
 * @param now - when
 */
export async function endRoundAssignments(tx: Tx, roundId: string, now: Date): Promise<void> {
  await tx
    .update(childAssignments)
    .set({ endedAt: now })
    .where(
      and(
        eq(childAssignments.kind, 'audit-round'),
        eq(childAssignments.sourceId, roundId),
        isNull(childAssignments.endedAt),
      ),
    )
}

/**
 * Cancels an open round, if it is still at the version the user saw: its status becomes `cancelled`, with who, when
 * and why (the reason is also set on the transaction, for the history). The caller ends the round's assignments.
 * @param tx - the transaction
 * @param context - who and when
 * @param roundId - the round
 * @param expectedVersion - the version seen
 * @param cancellation - the day, who, and why
 * @returns the outcome
 */
export async function cancelRoundRow(
  tx: Tx,
  context: PlanningWriteContext,
  roundId: string,
  expectedVersion: number,
  cancellation: RoundCancellation,
): Promise<RowUpdateOutcome> {
  return updateRoundRow(
    tx,
    context,
    roundId,
    expectedVersion,
    {
      status: 'cancelled',
      cancelledOn: cancellation.cancelledOn,
      cancelledBy: cancellation.cancelledById,
      cancellationReason: cancellation.reason,
    },
    eq(auditRounds.status, 'open'),
  )
}

/**
 * Withdraws a case from its round, if it is still at the version the user saw: the case's new version records who,
 * when and why (its gradings are untouched), and the assignments it gave end — its auditor and moderator stop seeing
 * the child through this round.
 * @param tx - the transaction
 * @param context - who and when
 * @param auditCase - the case as it stands
 * @param expectedVersion - the version the user saw
 * @param withdrawal - the day, who, and why
 * @returns the outcome
 */
export async function withdrawCaseRow(
  tx: Tx,
  context: PlanningWriteContext,
  auditCase: AuditCase,
  expectedVersion: number,
  withdrawal: CaseWithdrawal,
): Promise<RowUpdateOutcome> {
  const outcome = await updateCaseRow(tx, context, auditCase.id, expectedVersion, {
    withdrawnOn: withdrawal.withdrawnOn,
    withdrawnBy: withdrawal.withdrawnById,
    withdrawalReason: withdrawal.reason,
  })
  if (outcome.kind !== 'updated') {
    return outcome
  }
  await tx
    .update(childAssignments)
    .set({ endedAt: context.now })
    .where(
      and(
        eq(childAssignments.kind, 'audit-round'),
        eq(childAssignments.sourceId, auditCase.roundId),
        eq(childAssignments.childId, auditCase.childId),
        isNull(childAssignments.endedAt),
      ),
    )
  return outcome
}

/**
 * Gives a case to another auditor or moderator: the case's new version (the old one stays in the history with the
 * reason set on the transaction), and the assignments that let people see the child follow — whoever leaves the case
 * stops seeing the child through it, whoever joins starts.
 * @param tx - the transaction
 * @param context - who and when
 * @param auditCase - the case as it stands
 * @param expectedVersion - the version the user saw
 * @param people - the new auditor and moderator
 * @returns the outcome
 */
export async function reassignCaseRow(
  tx: Tx,
  context: PlanningWriteContext,
  auditCase: AuditCase,
  expectedVersion: number,
  people: { readonly auditorId: string; readonly moderatorId: string | null },
): Promise<RowUpdateOutcome> {
  const outcome = await updateCaseRow(tx, context, auditCase.id, expectedVersion, {
    auditorId: people.auditorId,
    moderatorId: people.moderatorId,
  })
  if (outcome.kind !== 'updated') {
    return outcome
  }
  const before = new Set([auditCase.auditorId, auditCase.moderatorId].filter((id): id is string => id !== null))
  const after = new Set([people.auditorId, people.moderatorId].filter((id): id is string => id !== null))
  const leaving = [...before].filter(id => !after.has(id))
  const joining = [...after].filter(id => !before.has(id))
  if (leaving.length > 0) {
    await tx
      .update(childAssignments)
      .set({ endedAt: context.now })
      .where(
        and(
          eq(childAssignments.kind, 'audit-round'),
          eq(childAssignments.sourceId, auditCase.roundId),
          eq(childAssignments.childId, auditCase.childId),
          inArray(childAssignments.userId, leaving),
          isNull(childAssignments.endedAt),
        ),
      )
  }
  if (joining.length > 0) {
    await tx.insert(childAssignments).values(
      joining.map(userId => ({
        id: randomUUID(),
        authorityId: context.authorityId,
        childId: auditCase.childId,
        userId,
        kind: 'audit-round',
        sourceId: auditCase.roundId,
        startedAt: context.now,
      })),
    )
  }
  return outcome
}

type CaseRow = typeof auditCases.$inferSelect

function toCase(row: CaseRow): AuditCase {
  return {
    id: row.id,
    version: row.version,
    roundId: row.roundId,
    childId: row.childId,
    auditorId: row.auditorId,
    moderatorId: row.moderatorId,
    withdrawal:
      row.withdrawnOn !== null && row.withdrawnBy !== null && row.withdrawalReason !== null
        ? { withdrawnOn: row.withdrawnOn as CalendarDay, withdrawnById: row.withdrawnBy, reason: row.withdrawalReason }
        : null,
  }
}

/**
 * The cases of some rounds.
 * @param tx - the transaction
 * @param roundIds - the rounds
 * @returns their cases, in the order they were drawn
 */
export async function listCases(tx: Tx, roundIds: readonly string[]): Promise<AuditCase[]> {
  if (roundIds.length === 0) {
    return []
  }
  const rows = await tx
    .select()
    .from(auditCases)
    .where(and(inArray(auditCases.roundId, [...roundIds]), isNull(auditCases.voidedAt)))
    .orderBy(asc(auditCases.createdAt), asc(auditCases.id))
  return rows.map(toCase)
}

/**
 * One case.
 * @param tx - the transaction
 * @param caseId - the case
 * @returns it, unless missing or voided
 */
export async function loadCase(tx: Tx, caseId: string): Promise<AuditCase | undefined> {
  const [row] = await tx
    .select()
    .from(auditCases)
    .where(and(eq(auditCases.id, caseId), isNull(auditCases.voidedAt)))
  return row ? toCase(row) : undefined
}

/** A stored grading, of either stage. */
export type StoredGrading =
  | ({ readonly stage: 'audit'; readonly roundId: string } & GradingVersion<AuditJudgements>)
  | ({ readonly stage: 'moderation'; readonly roundId: string } & GradingVersion<ModerationJudgements>)

/**
 * Every saved version of the audit forms and moderations of some rounds, oldest first.
 * @param tx - the transaction
 * @param roundIds - the rounds
 * @returns the versions
 */
export async function listGradings(tx: Tx, roundIds: readonly string[]): Promise<StoredGrading[]> {
  if (roundIds.length === 0) {
    return []
  }
  const rows = await tx
    .select()
    .from(auditGradings)
    .where(inArray(auditGradings.roundId, [...roundIds]))
    .orderBy(asc(auditGradings.sequence))
  return rows.map(
    row =>
      ({
        stage: row.stage,
        roundId: row.roundId,
        caseId: row.caseId,
        sequence: row.sequence,
        isSubmitted: row.isSubmitted,
        judgements: row.judgements,
        changeReason: row.changeReason,
        recordedById: row.recordedById,
        recordedByName: row.recordedByName,
        recordedOn: row.recordedOn as CalendarDay,
      }) as StoredGrading,
  )
}

/**
 * Appends a version of an audit form or moderation. A clash on the sequence (someone saved first) throws a unique
 * violation, which the use case reports as a stale version.
 * @param tx - the transaction
 * @param context - who and when
 * @param auditCase - the case
 * @param grading - the version
 */
export async function insertGrading(
  tx: Tx,
  context: PlanningWriteContext,
  auditCase: AuditCase,
  grading: StoredGrading,
): Promise<void> {
  await tx.insert(auditGradings).values({
    id: randomUUID(),
    authorityId: context.authorityId,
    caseId: auditCase.id,
    roundId: auditCase.roundId,
    childId: auditCase.childId,
    stage: grading.stage,
    sequence: grading.sequence,
    isSubmitted: grading.isSubmitted,
    judgements: grading.judgements,
    changeReason: grading.changeReason,
    recordedById: grading.recordedById,
    recordedByName: grading.recordedByName,
    recordedOn: grading.recordedOn,
    recordedAt: context.now,
  })
}

/** An action set on a child's record by an audit finding. */
export interface AuditAction {
  readonly id: string
  readonly version: number
  readonly caseId: string
  readonly roundId: string
  readonly childId: string
  readonly domain: AuditDomain
  readonly description: string
  readonly ownerId: string | null
  readonly ownerName: string
  readonly dueOn: CalendarDay
  readonly status: 'open' | 'done' | 'dropped'
  readonly statusOn: CalendarDay | null
  readonly note: string
}

type ActionRow = typeof auditActions.$inferSelect

function toAction(row: ActionRow): AuditAction {
  return {
    id: row.id,
    version: row.version,
    caseId: row.caseId,
    roundId: row.roundId,
    childId: row.childId,
    domain: row.domain as AuditDomain,
    description: row.description,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    dueOn: row.dueOn as CalendarDay,
    status: row.status as AuditAction['status'],
    statusOn: row.statusOn as CalendarDay | null,
    note: row.note,
  }
}

/**
 * Writes actions from findings.
 * @param tx - the transaction
 * @param context - who and when
 * @param actions - the actions (version 1, open)
 */
export async function insertAuditActions(
  tx: Tx,
  context: PlanningWriteContext,
  actions: readonly AuditAction[],
): Promise<void> {
  if (actions.length === 0) {
    return
  }
  await tx.insert(auditActions).values(
    actions.map(a => ({
      id: a.id,
      authorityId: context.authorityId,
      caseId: a.caseId,
      roundId: a.roundId,
      childId: a.childId,
      domain: a.domain,
      description: a.description,
      ownerId: a.ownerId,
      ownerName: a.ownerName,
      dueOn: a.dueOn,
      status: a.status,
      statusOn: a.statusOn,
      note: a.note,
      createdAt: context.now,
      createdBy: context.userId,
      updatedAt: context.now,
      updatedBy: context.userId,
    })),
  )
}

/**
 * Actions from audit findings, for some children or some cases.
 * @param tx - the transaction
 * @param filter - by child or by case
 * @param filter.childId - one child's actions
 * @param filter.caseIds - the actions of some cases
 * @returns the actions, earliest due first
 */
export async function listAuditActions(
  tx: Tx,
  filter: { childId?: string; caseIds?: readonly string[] },
): Promise<AuditAction[]> {
  const conditions = [isNull(auditActions.voidedAt)]
  if (filter.childId) {
    conditions.push(eq(auditActions.childId, filter.childId))
  }
  if (filter.caseIds) {
    if (filter.caseIds.length === 0) {
      return []
    }
    conditions.push(inArray(auditActions.caseId, [...filter.caseIds]))
  }
  const rows = await tx
    .select()
    .from(auditActions)
    .where(and(...conditions))
    .orderBy(asc(auditActions.dueOn), asc(auditActions.createdAt))
  return rows.map(toAction)
}

/**
 * Changes an action's status, if it is still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param actionId - the action
 * @param expectedVersion - the version seen
 * @param change - the new status, its date and a note
 * @returns the outcome
 */
export async function updateAuditActionRow(
  tx: Tx,
  context: PlanningWriteContext,
  actionId: string,
  expectedVersion: number,
  change: { status: AuditAction['status']; statusOn: CalendarDay | null; note: string },
): Promise<RowUpdateOutcome> {
  const updated = await tx
    .update(auditActions)
    .set({ ...change, version: expectedVersion + 1, updatedAt: context.now, updatedBy: context.userId })
    .where(and(eq(auditActions.id, actionId), eq(auditActions.version, expectedVersion), isNull(auditActions.voidedAt)))
    .returning({ version: auditActions.version })
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const [current] = await tx
    .select({ version: auditActions.version })
    .from(auditActions)
    .where(and(eq(auditActions.id, actionId), isNull(auditActions.voidedAt)))
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/** What a list of cases shows about each child (name and case number; the auditor sees these for their own cases). */
export interface CaseChild {
  readonly id: string
  readonly name: string
  readonly localCaseNumber: string
  readonly teamId: string | null
}

/**
 * Names and case numbers of some children.
 * @param tx - the transaction
 * @param childIds - the children
 * @returns one entry per child found
 */
export async function loadCaseChildren(tx: Tx, childIds: readonly string[]): Promise<CaseChild[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .select({
      id: children.id,
      givenNames: children.givenNames,
      familyName: children.familyName,
      preferredName: children.preferredName,
      localCaseNumber: children.localCaseNumber,
      teamId: children.teamId,
    })
    .from(children)
    .where(inArray(children.id, [...childIds]))
  return rows.map(r => ({
    id: r.id,
    name: `${r.preferredName ?? r.givenNames} ${r.familyName}`,
    localCaseNumber: r.localCaseNumber,
    teamId: r.teamId,
  }))
}

/**
 * The children with some local case numbers (voided children left out).
 * @param tx - the transaction
 * @param caseNumbers - the case numbers
 * @returns case number to child id, for those found
 */
export async function findChildIdsByCaseNumbers(tx: Tx, caseNumbers: readonly string[]): Promise<Map<string, string>> {
  if (caseNumbers.length === 0) {
    return new Map()
  }
  const rows = await tx
    .select({ id: children.id, caseNumber: children.localCaseNumber })
    .from(children)
    .where(and(inArray(children.localCaseNumber, [...caseNumbers]), isNull(children.voidedAt)))
  return new Map(rows.map(r => [r.caseNumber, r.id]))
}
