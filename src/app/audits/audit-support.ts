/**
 * Shared steps of the case-file audit use cases: loading a round or case with the user's relationships to it and
 * authorising the action (deny by default; a round or case that is not the user's is "not found"), the latest saved
 * version of each form, and the write context.
 */
import { findPostgresError, SQLSTATE } from '../../db/errors.ts'
import {
  insertGrading,
  listCases,
  listGradings,
  loadCase,
  loadRound,
  type StoredGrading,
} from '../../db/repositories/audits-repository.ts'
import type { PlanningWriteContext } from '../../db/repositories/plans-repository.ts'
import {
  decideAuditRoundAccess,
  type AuditRoundAction,
  type AuditRoundRelationship,
} from '../../domain/access/policies.ts'
import type {
  AuditCase,
  AuditJudgements,
  AuditRound,
  GradingVersion,
  ModerationJudgements,
} from '../../domain/audits/audit-round.ts'
import { NotFoundError, StaleVersionError } from '../shared/errors.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * The write context for the audit repositories.
 * @param op - the operation
 * @returns authority, user and time
 */
export function auditContextOf(op: Operation): PlanningWriteContext {
  return { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now }
}

/**
 * How a round names the user, across all its cases.
 * @param op - the operation
 * @param round - the round
 * @param cases - its cases
 * @returns the relationships
 */
export function roundRelationships(
  op: Operation,
  round: AuditRound,
  cases: readonly AuditCase[],
): Set<AuditRoundRelationship> {
  const relationships = new Set<AuditRoundRelationship>()
  if (round.leadId === op.actor.userId) {
    relationships.add('lead')
  }
  if (cases.some(c => c.auditorId === op.actor.userId)) {
    relationships.add('auditor')
  }
  if (cases.some(c => c.moderatorId === op.actor.userId)) {
    relationships.add('moderator')
  }
  return relationships
}

/**
 * How a case names the user (the round's lead counts as lead of every case).
 * @param op - the operation
 * @param round - the round
 * @param auditCase - the case
 * @returns the relationships
 */
export function caseRelationships(op: Operation, round: AuditRound, auditCase: AuditCase): Set<AuditRoundRelationship> {
  const relationships = new Set<AuditRoundRelationship>()
  if (round.leadId === op.actor.userId) {
    relationships.add('lead')
  }
  if (auditCase.auditorId === op.actor.userId) {
    relationships.add('auditor')
  }
  if (auditCase.moderatorId === op.actor.userId) {
    relationships.add('moderator')
  }
  return relationships
}

/**
 * Loads a round and its cases, and authorises an action on the round.
 * @param op - the operation
 * @param roundId - the round
 * @param action - what the user wants to do
 * @returns the round, its cases and the user's relationships to it
 * @throws NotFoundError when the round does not exist or is not the user's to act on
 */
export async function loadRoundFor(op: Operation, roundId: string, action: AuditRoundAction) {
  const round = await loadRound(op.tx, roundId)
  if (!round) {
    throw new NotFoundError('Audit round')
  }
  const cases = await listCases(op.tx, [round.id])
  const relationships = roundRelationships(op, round, cases)
  if (decideAuditRoundAccess(op.actor.role, action, relationships) !== 'allow') {
    throw new NotFoundError('Audit round')
  }
  op.addAuditDetail('roundId', round.id)
  return { round, cases, relationships }
}

/**
 * Loads a case of a round, and authorises an action on it.
 * @param op - the operation
 * @param roundId - the round
 * @param caseId - the case
 * @param action - what the user wants to do
 * @returns the round, the case and the user's relationships to it
 * @throws NotFoundError when the case does not exist in that round or is not the user's
 */
export async function loadCaseFor(op: Operation, roundId: string, caseId: string, action: AuditRoundAction) {
  const round = await loadRound(op.tx, roundId)
  const auditCase = await loadCase(op.tx, caseId)
  if (!round || !auditCase || auditCase.roundId !== round.id) {
    throw new NotFoundError('Audit case')
  }
  const relationships = caseRelationships(op, round, auditCase)
  if (decideAuditRoundAccess(op.actor.role, action, relationships) !== 'allow') {
    throw new NotFoundError('Audit case')
  }
  op.concernsChild(auditCase.childId)
  op.addAuditDetail('roundId', round.id)
  op.addAuditDetail('caseId', auditCase.id)
  return { round, auditCase, relationships }
}

/** The saved versions of one case's audit form and moderation. */
export interface CaseGradings {
  readonly audit: readonly GradingVersion<AuditJudgements>[]
  readonly moderation: readonly GradingVersion<ModerationJudgements>[]
}

/**
 * Groups saved versions by case, oldest first.
 * @param gradings - versions of many cases
 * @returns case id to its versions
 */
export function gradingsByCase(gradings: readonly StoredGrading[]): Map<string, CaseGradings> {
  const map = new Map<
    string,
    { audit: GradingVersion<AuditJudgements>[]; moderation: GradingVersion<ModerationJudgements>[] }
  >()
  for (const grading of gradings) {
    const entry = map.get(grading.caseId) ?? { audit: [], moderation: [] }
    if (grading.stage === 'audit') {
      entry.audit.push(grading)
    } else {
      entry.moderation.push(grading)
    }
    map.set(grading.caseId, entry)
  }
  return map
}

/**
 * The saved versions of one case.
 * @param op - the operation
 * @param auditCase - the case
 * @returns its versions
 */
export async function loadCaseGradings(op: Operation, auditCase: AuditCase): Promise<CaseGradings> {
  const all = await listGradings(op.tx, [auditCase.roundId])
  return gradingsByCase(all.filter(g => g.caseId === auditCase.id)).get(auditCase.id) ?? { audit: [], moderation: [] }
}

/**
 * The latest submitted version in a list, if any.
 * @param versions - versions, oldest first
 * @returns the latest submitted one
 */
export function latestSubmitted<T>(versions: readonly GradingVersion<T>[]): GradingVersion<T> | undefined {
  return [...versions].reverse().find(v => v.isSubmitted)
}

/**
 * Saves the next version of a case's audit form or moderation (append-only): two people saving the same version at
 * once cannot both write it, and the second is told the form has changed.
 * @param op - the operation
 * @param round - the round
 * @param auditCase - the case
 * @param grading - which form and its checked judgements
 * @param version - the version saved before, the one the user saw, whether it is now submitted, and why it changed
 * @returns the new version and whether the form is submitted
 */
export async function saveGradingVersion(
  op: Operation,
  round: AuditRound,
  auditCase: AuditCase,
  grading:
    | { readonly stage: 'audit'; readonly judgements: AuditJudgements }
    | { readonly stage: 'moderation'; readonly judgements: ModerationJudgements },
  version: {
    readonly current: number
    readonly expected: number
    readonly isSubmitted: boolean
    readonly changeReason: string
  },
): Promise<{ version: number; isSubmitted: boolean }> {
  try {
    await insertGrading(op.tx, auditContextOf(op), auditCase, {
      ...grading,
      roundId: round.id,
      caseId: auditCase.id,
      sequence: version.current + 1,
      isSubmitted: version.isSubmitted,
      changeReason: version.changeReason,
      recordedById: op.actor.userId,
      recordedByName: op.actor.displayName,
      recordedOn: op.today,
    })
  } catch (error) {
    if (findPostgresError(error)?.code === SQLSTATE.uniqueViolation) {
      throw new StaleVersionError(version.expected, version.expected + 1)
    }
    throw error
  }
  op.addAuditDetail('stage', grading.stage)
  op.addAuditDetail('submitted', version.isSubmitted)
  return { version: version.current + 1, isSubmitted: version.isSubmitted }
}
