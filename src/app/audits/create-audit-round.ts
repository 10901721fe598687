import { randomUUID } from 'node:crypto'
import {
  findChildIdsByCaseNumbers,
  insertCases,
  insertRound,
  listSampleCandidates,
  loadRound,
} from '../../db/repositories/audits-repository.ts'
import { loadUsers } from '../../db/repositories/organisation-repository.ts'
import type { AuditCase, AuditError, AuditRound } from '../../domain/audits/audit-round.ts'
import { allocateCases, drawSample, type SampleRule } from '../../domain/audits/audit-sample.ts'
import { compareCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { domainError } from '../../domain/shared/result.ts'
import { RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { auditContextOf } from './audit-support.ts'

/** What the quality-assurance lead sets up. */
export interface AuditRoundInput {
  readonly title: string
  readonly theme: string
  readonly sampleRule: SampleRule
  readonly auditorIds: readonly string[]
  readonly moderationPercent: number
  readonly deadlineOn: CalendarDay
  readonly previousRoundId: string | null
  /** For a named sample given by local case numbers (the web form), instead of ids. */
  readonly namedCaseNumbers?: readonly string[]
}

/**
 * Sets up an audit round: draws the sample by its rule from the children looked after today (named children must be
 * looked after too), gives the children to the auditors in turn, chooses the share to be moderated by a second
 * auditor, and lets each auditor and moderator see their children while the round is open. The user setting it up
 * is its lead.
 * @param op - the operation
 * @param input - the round
 * @returns the round's id and how many children were sampled
 */
export async function createAuditRound(
  op: Operation,
  input: AuditRoundInput,
): Promise<{ roundId: string; version: number; cases: number }> {
  authoriseAuthority(op, 'qa:manage-rounds')
  const errors: AuditError[] = []
  const auditorIds = [...new Set(input.auditorIds)]
  const auditors = (await loadUsers(op.tx, auditorIds)).filter(u => u.role === 'qa-auditor')
  if (auditorIds.length === 0 || auditors.length !== auditorIds.length) {
    errors.push(domainError('auditors-missing', ['auditorIds']))
  }
  if (input.moderationPercent > 0 && auditorIds.length < 2) {
    errors.push(domainError('moderators-too-few', ['moderationPercent']))
  }
  if (compareCalendarDays(input.deadlineOn, op.today) < 0) {
    errors.push(domainError('deadline-in-past', ['deadlineOn']))
  }
  if (input.previousRoundId !== null) {
    const previous = await loadRound(op.tx, input.previousRoundId)
    // A cancelled round has no figures to compare with.
    if (!previous || previous.status === 'cancelled') {
      errors.push(domainError('previous-round-missing', ['previousRoundId']))
    }
  }
  let rule = input.sampleRule
  if (input.namedCaseNumbers && input.namedCaseNumbers.length > 0) {
    const found = await findChildIdsByCaseNumbers(op.tx, input.namedCaseNumbers)
    const unknown = input.namedCaseNumbers.filter(n => !found.has(n))
    if (unknown.length > 0) {
      errors.push(
        domainError('case-number-unknown', ['sampleRule', 'caseNumbers'], { caseNumbers: unknown.join(', ') }),
      )
    }
    rule = { kind: 'named', childIds: [...found.values()] }
  }
  const candidates = await listSampleCandidates(op.tx, op.today)
  const childIds = drawSample(rule, candidates)
  if (childIds.length === 0) {
    errors.push(domainError('sample-empty', ['sampleRule']))
  }
  if (errors.length > 0) {
    throw new RuleViolationError(errors)
  }
  const roundId = randomUUID()
  const seed = rule.kind === 'named' ? childIds.length : rule.seed
  const round: AuditRound = {
    id: roundId,
    version: 1,
    title: input.title,
    theme: input.theme,
    sampleRule: rule,
    moderationPercent: input.moderationPercent,
    deadlineOn: input.deadlineOn,
    status: 'open',
    leadId: op.actor.userId,
    previousRoundId: input.previousRoundId,
    createdOn: op.today,
    closedOn: null,
    cancellation: null,
  }
  const context = auditContextOf(op)
  await insertRound(op.tx, context, round)
  const cases: AuditCase[] = allocateCases(childIds, auditorIds, input.moderationPercent, seed).map(allocation => ({
    id: randomUUID(),
    version: 1,
    roundId,
    ...allocation,
    withdrawal: null,
  }))
  await insertCases(op.tx, context, cases)
  op.addAuditDetail('roundId', roundId)
  op.addAuditDetail('childIds', childIds)
  op.addAuditDetail('sampleRule', rule.kind)
  return { roundId, version: 1, cases: cases.length }
}
