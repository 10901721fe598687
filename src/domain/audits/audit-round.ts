/**
 * An audit round and its cases: who audits and moderates each child, the judgements they record (kept as versions:
 * every save is a new version, and a change after submission needs a reason), and what a case's grades are once
 * moderated. A case may be withdrawn from its round, and a round cancelled while open (ADR 0082): both stay on record
 * with who, when and why, and neither can be changed afterwards. Rules return codes; messages live in
 * audit-messages.ts.
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import { domainError, fail, ok, type DomainError, type Result } from '../shared/result.ts'
import { AUDIT_DOMAINS, type AuditDomain, type AuditGrade } from './audit-domains.ts'
import type { SampleRule } from './audit-sample.ts'

export type AuditErrorCode =
  | 'grade-missing'
  | 'evidence-missing'
  | 'improvement-missing'
  | 'moderation-outcome-missing'
  | 'moderated-grade-missing'
  | 'moderated-grade-unchanged'
  | 'moderation-reason-missing'
  | 'change-reason-missing'
  | 'round-closed'
  | 'audit-not-submitted'
  | 'already-submitted'
  | 'auditors-missing'
  | 'moderators-too-few'
  | 'sample-empty'
  | 'deadline-in-past'
  | 'moderator-is-auditor'
  | 'finding-owner-missing'
  | 'cases-outstanding'
  | 'previous-round-missing'
  | 'case-number-unknown'
  | 'not-an-auditor'
  | 'submitted-cannot-reassign'
  | 'nothing-to-reassign'
  | 'reassign-reason-missing'
  | 'round-cancelled'
  | 'round-closed-cannot-cancel'
  | 'case-withdrawn'
  | 'withdrawal-reason-missing'
  | 'cancellation-reason-missing'

export type AuditError = DomainError<AuditErrorCode>

export type RoundStatus = 'open' | 'closed' | 'cancelled'

/** The fewest characters a reason for withdrawing a case or cancelling a round may have (as the database checks). */
export const WITHDRAWAL_REASON_MINIMUM = 3

/** Who took a case out of its round, when and why. */
export interface CaseWithdrawal {
  readonly withdrawnOn: CalendarDay
  readonly withdrawnById: string
  readonly reason: string
}

/** Who cancelled a round, when and why. */
export interface RoundCancellation {
  readonly cancelledOn: CalendarDay
  readonly cancelledById: string
  readonly reason: string
}

export interface AuditRound {
  readonly id: string
  readonly version: number
  readonly title: string
  readonly theme: string
  readonly sampleRule: SampleRule
  readonly moderationPercent: number
  readonly deadlineOn: CalendarDay
  readonly status: RoundStatus
  readonly leadId: string
  readonly previousRoundId: string | null
  readonly createdOn: CalendarDay
  readonly closedOn: CalendarDay | null
  /** Set once the round is cancelled (status `cancelled`). */
  readonly cancellation: RoundCancellation | null
}

export interface AuditCase {
  readonly id: string
  readonly version: number
  readonly roundId: string
  readonly childId: string
  readonly auditorId: string
  readonly moderatorId: string | null
  /** Set once the case is withdrawn from the round: it then leaves the round's figures and cannot be changed. */
  readonly withdrawal: CaseWithdrawal | null
}

/** One domain as the auditor judged it. */
export interface DomainJudgement {
  readonly grade: AuditGrade | null
  readonly evidence: string
  readonly improvement: string
}
export type AuditJudgements = Partial<Record<AuditDomain, DomainJudgement>>

/** One domain as the moderator saw it: the auditor's grade agreed, or changed with a reason. */
export interface ModerationJudgement {
  readonly outcome: 'agreed' | 'changed' | null
  readonly grade: AuditGrade | null
  readonly reason: string
}
export type ModerationJudgements = Partial<Record<AuditDomain, ModerationJudgement>>

/** A saved version of the audit form or the moderation of one case. */
export interface GradingVersion<T> {
  readonly caseId: string
  readonly sequence: number
  readonly isSubmitted: boolean
  readonly judgements: T
  readonly changeReason: string
  readonly recordedById: string
  readonly recordedByName: string
  readonly recordedOn: CalendarDay
}

export type AuditStatus = 'not-started' | 'in-progress' | 'submitted'
export type ModerationStatus = 'not-chosen' | 'waiting-for-audit' | 'not-started' | 'in-progress' | 'moderated'

/**
 * Where the audit of a case stands.
 * @param latest - the latest version of the audit form, if any
 * @returns its status
 */
export function auditStatusOf(latest: GradingVersion<AuditJudgements> | undefined): AuditStatus {
  if (!latest) {
    return 'not-started'
  }
  return latest.isSubmitted ? 'submitted' : 'in-progress'
}

/**
 * Where the moderation of a case stands.
 * @param auditCase - the case
 * @param audit - the latest audit version
 * @param moderation - the latest moderation version
 * @returns its status
 */
export function moderationStatusOf(
  auditCase: Pick<AuditCase, 'moderatorId'>,
  audit: GradingVersion<AuditJudgements> | undefined,
  moderation: GradingVersion<ModerationJudgements> | undefined,
): ModerationStatus {
  if (auditCase.moderatorId === null) {
    return 'not-chosen'
  }
  if (moderation?.isSubmitted) {
    return 'moderated'
  }
  if (!audit?.isSubmitted) {
    return 'waiting-for-audit'
  }
  return moderation ? 'in-progress' : 'not-started'
}

/**
 * Checks an audit form before it is saved: drafts may be partial, a submitted form needs every domain graded with
 * evidence, and "what would make it better" wherever the grade is below outstanding. A change to a form already
 * submitted needs a reason (the first submission's grades stay in the history).
 * @param judgements - the form
 * @param options - whether it is being submitted, whether an earlier version was submitted, the reason given
 * @param options.isSubmitting - submitting rather than saving a draft
 * @param options.wasSubmitted - an earlier version was submitted
 * @param options.changeReason - why a submitted form is changed
 * @returns the form, or the rules it breaks
 */
export function checkAuditForm(
  judgements: AuditJudgements,
  options: { isSubmitting: boolean; wasSubmitted: boolean; changeReason: string },
): Result<AuditJudgements, AuditError> {
  const errors: AuditError[] = []
  if (options.wasSubmitted && options.changeReason.trim().length < 3) {
    errors.push(domainError('change-reason-missing', ['changeReason']))
  }
  if (options.isSubmitting || options.wasSubmitted) {
    for (const domain of AUDIT_DOMAINS) {
      const judgement = judgements[domain]
      if (!judgement?.grade) {
        errors.push(domainError('grade-missing', ['domains', domain, 'grade'], { domain }))
        continue
      }
      if (judgement.evidence.trim() === '') {
        errors.push(domainError('evidence-missing', ['domains', domain, 'evidence'], { domain }))
      }
      if (judgement.grade !== 'outstanding' && judgement.improvement.trim() === '') {
        errors.push(domainError('improvement-missing', ['domains', domain, 'improvement'], { domain }))
      }
    }
  }
  return errors.length > 0 ? fail(...errors) : ok(judgements)
}

/**
 * Checks a moderation: each domain agreed, or changed to a different grade with a reason.
 * @param moderation - the moderator's judgements
 * @param audit - the auditor's submitted judgements
 * @param options - submitting or saving a draft, and the reason for changing a submitted moderation
 * @param options.isSubmitting - submitting rather than saving a draft
 * @param options.wasSubmitted - an earlier version was submitted
 * @param options.changeReason - why a submitted moderation is changed
 * @returns the moderation, or the rules it breaks
 */
export function checkModeration(
  moderation: ModerationJudgements,
  audit: AuditJudgements,
  options: { isSubmitting: boolean; wasSubmitted: boolean; changeReason: string },
): Result<ModerationJudgements, AuditError> {
  const errors: AuditError[] = []
  if (options.wasSubmitted && options.changeReason.trim().length < 3) {
    errors.push(domainError('change-reason-missing', ['changeReason']))
  }
  for (const domain of AUDIT_DOMAINS) {
    const judgement = moderation[domain]
    const isComplete = options.isSubmitting || options.wasSubmitted
    if (!judgement?.outcome) {
      if (isComplete) {
        errors.push(domainError('moderation-outcome-missing', ['domains', domain, 'outcome'], { domain }))
      }
      continue
    }
    if (judgement.outcome === 'changed') {
      if (!judgement.grade) {
        errors.push(domainError('moderated-grade-missing', ['domains', domain, 'grade'], { domain }))
      } else if (judgement.grade === audit[domain]?.grade) {
        errors.push(domainError('moderated-grade-unchanged', ['domains', domain, 'grade'], { domain }))
      }
      if (judgement.reason.trim() === '') {
        errors.push(domainError('moderation-reason-missing', ['domains', domain, 'reason'], { domain }))
      }
    }
  }
  return errors.length > 0 ? fail(...errors) : ok(moderation)
}

/**
 * The grades a case ends with: the moderator's where they changed one, else the auditor's.
 * @param audit - the auditor's submitted judgements (null when not submitted)
 * @param moderation - the moderator's submitted judgements (null when not moderated)
 * @returns the grade of each domain judged
 */
export function finalGrades(
  audit: AuditJudgements | null,
  moderation: ModerationJudgements | null,
): Partial<Record<AuditDomain, AuditGrade>> {
  const grades: Partial<Record<AuditDomain, AuditGrade>> = {}
  if (!audit) {
    return grades
  }
  for (const domain of AUDIT_DOMAINS) {
    const moderated = moderation?.[domain]
    const grade = moderated?.outcome === 'changed' && moderated.grade ? moderated.grade : audit[domain]?.grade
    if (grade) {
      grades[domain] = grade
    }
  }
  return grades
}

/** Who should audit and moderate a case instead, and why. */
export interface CaseReassignment {
  readonly auditorId: string
  readonly moderatorId: string | null
  readonly reason: string
}

/**
 * Checks a reassignment of a case (an auditor on leave, a conflict of interest): the round is open and the case not
 * withdrawn; whoever is named
 * is a quality assurance auditor; the moderator is someone else; a stage already submitted keeps its author (the
 * grades are theirs); something changes; and there is a reason.
 * @param round - the round
 * @param auditCase - the case as it stands
 * @param input - the new auditor and moderator, and why
 * @param facts - the authority's quality assurance auditors, and which stages are submitted
 * @returns what is wrong, if anything
 */
export function checkReassignment(
  round: AuditRound,
  auditCase: AuditCase,
  input: CaseReassignment,
  facts: {
    readonly auditorIds: ReadonlySet<string>
    readonly auditSubmitted: boolean
    readonly moderationSubmitted: boolean
  },
): AuditError[] {
  const closed = caseChangeErrors(round, auditCase)
  if (closed.length > 0) {
    return closed
  }
  const errors: AuditError[] = []
  const auditorChanges = input.auditorId !== auditCase.auditorId
  const moderatorChanges = input.moderatorId !== auditCase.moderatorId
  if (!facts.auditorIds.has(input.auditorId)) {
    errors.push(domainError('not-an-auditor', ['auditorId']))
  } else if (auditorChanges && facts.auditSubmitted) {
    errors.push(domainError('submitted-cannot-reassign', ['auditorId']))
  }
  if (input.moderatorId !== null) {
    if (!facts.auditorIds.has(input.moderatorId)) {
      errors.push(domainError('not-an-auditor', ['moderatorId']))
    } else if (input.moderatorId === input.auditorId) {
      errors.push(domainError('moderator-is-auditor', ['moderatorId']))
    }
  }
  if (moderatorChanges && facts.moderationSubmitted) {
    errors.push(domainError('submitted-cannot-reassign', ['moderatorId']))
  }
  if (!auditorChanges && !moderatorChanges) {
    errors.push(domainError('nothing-to-reassign', ['auditorId']))
  }
  if (input.reason.trim().length < 3) {
    errors.push(domainError('reassign-reason-missing', ['reason']))
  }
  return errors
}

/**
 * Whether anything in a round can still be changed: only while it is open (closed: its brief is final; cancelled:
 * nothing in it counts).
 * @param round - the round
 * @returns why not, if it cannot
 */
export function roundChangeErrors(round: Pick<AuditRound, 'status'>): AuditError[] {
  switch (round.status) {
    case 'open':
      return []
    case 'closed':
      return [domainError('round-closed', [])]
    case 'cancelled':
      return [domainError('round-cancelled', [])]
  }
}

/**
 * Whether a case can still be audited, moderated, reassigned or given actions: its round is open and it has not been
 * withdrawn.
 * @param round - the round
 * @param auditCase - the case
 * @returns why not, if it cannot
 */
export function caseChangeErrors(
  round: Pick<AuditRound, 'status'>,
  auditCase: Pick<AuditCase, 'withdrawal'>,
): AuditError[] {
  const roundErrors = roundChangeErrors(round)
  if (roundErrors.length > 0) {
    return roundErrors
  }
  return auditCase.withdrawal === null ? [] : [domainError('case-withdrawn', [])]
}

/**
 * The cases that count in a round's figures (its progress, its closing and its learning brief): those not withdrawn.
 * @param cases - the round's cases
 * @returns the cases still in the round
 */
export function casesInRound<T extends Pick<AuditCase, 'withdrawal'>>(cases: readonly T[]): T[] {
  return cases.filter(c => c.withdrawal === null)
}

/**
 * Checks the withdrawal of a case from its round (the child was sampled in error, or the case is under another
 * review): the round is open, the case not already withdrawn, and there is a reason. A case with a submitted audit
 * or moderation may be withdrawn: its grades stay in the history but leave the round's figures.
 * @param round - the round
 * @param auditCase - the case as it stands
 * @param reason - why it is withdrawn
 * @returns what is wrong, if anything
 */
export function checkCaseWithdrawal(
  round: Pick<AuditRound, 'status'>,
  auditCase: Pick<AuditCase, 'withdrawal'>,
  reason: string,
): AuditError[] {
  const closed = caseChangeErrors(round, auditCase)
  if (closed.length > 0) {
    return closed
  }
  return reason.trim().length < WITHDRAWAL_REASON_MINIMUM ? [domainError('withdrawal-reason-missing', ['reason'])] : []
}

/**
 * Whether a round can be cancelled, whatever the reason: only while open. A closed round cannot be cancelled: its
 * learning brief is final and may have been read.
 * @param round - the round
 * @returns why not, if it cannot
 */
export function roundCancellationErrors(round: Pick<AuditRound, 'status'>): AuditError[] {
  return round.status === 'closed' ? [domainError('round-closed-cannot-cancel', [])] : roundChangeErrors(round)
}

/**
 * Checks the cancellation of a round (set up in error, or overtaken): the round is open, and there is a reason.
 * @param round - the round
 * @param reason - why it is cancelled
 * @returns what is wrong, if anything
 */
export function checkRoundCancellation(round: Pick<AuditRound, 'status'>, reason: string): AuditError[] {
  const closed = roundCancellationErrors(round)
  if (closed.length > 0) {
    return closed
  }
  return reason.trim().length < WITHDRAWAL_REASON_MINIMUM
    ? [domainError('cancellation-reason-missing', ['reason'])]
    : []
}
