import { describe, expect, it } from 'vitest'
import { AUDIT_DOMAINS, isGoodOrBetter } from './audit-domains.ts'
import {
  auditStatusOf,
  caseChangeErrors,
  casesInRound,
  checkAuditForm,
  checkCaseWithdrawal,
  checkReassignment,
  checkModeration,
  checkRoundCancellation,
  finalGrades,
  moderationStatusOf,
  roundCancellationErrors,
  type AuditCase,
  type AuditJudgements,
  type AuditRound,
  type GradingVersion,
} from './audit-round.ts'

const complete: AuditJudgements = Object.fromEntries(
  AUDIT_DOMAINS.map(d => [d, { grade: 'good', evidence: 'Evidence', improvement: 'Better' }]),
)

const version = (isSubmitted: boolean): GradingVersion<AuditJudgements> => ({
  caseId: 'case',
  sequence: 1,
  isSubmitted,
  judgements: complete,
  changeReason: '',
  recordedById: 'u',
  recordedByName: 'U',
  recordedOn: '2026-03-02' as never,
})

const codes = (r: { ok: boolean; errors?: readonly { code: string }[] }) => (r.ok ? [] : r.errors!.map(e => e.code))

describe('the audit form', () => {
  it('takes a partial draft', () => {
    expect(
      checkAuditForm(
        { assessment: { grade: 'good', evidence: '', improvement: '' } },
        { isSubmitting: false, wasSubmitted: false, changeReason: '' },
      ).ok,
    ).toBe(true)
  })

  it('needs every domain graded with evidence to submit, and what would make it better below outstanding', () => {
    const result = checkAuditForm(
      {
        ...complete,
        plans: { grade: 'inadequate', evidence: 'x', improvement: '' },
        reviews: { grade: null, evidence: '', improvement: '' },
        stability: { grade: 'outstanding', evidence: ' ', improvement: '' },
      },
      { isSubmitting: true, wasSubmitted: false, changeReason: '' },
    )
    expect(codes(result)).toEqual(['improvement-missing', 'grade-missing', 'evidence-missing'])
  })

  it('needs a reason to change a submitted form (the earlier grades stay in the history)', () => {
    expect(codes(checkAuditForm(complete, { isSubmitting: true, wasSubmitted: true, changeReason: '' }))).toEqual([
      'change-reason-missing',
    ])
    expect(
      checkAuditForm(complete, { isSubmitting: true, wasSubmitted: true, changeReason: 'New review read' }).ok,
    ).toBe(true)
  })

  it('reports where the audit stands', () => {
    expect(auditStatusOf(undefined)).toBe('not-started')
    expect(auditStatusOf(version(false))).toBe('in-progress')
    expect(auditStatusOf(version(true))).toBe('submitted')
  })
})

describe('moderation', () => {
  const agreed = Object.fromEntries(
    AUDIT_DOMAINS.map(d => [d, { outcome: 'agreed' as const, grade: null, reason: '' }]),
  )

  it('agrees or changes each grade; a change needs a different grade and a reason', () => {
    expect(checkModeration(agreed, complete, { isSubmitting: true, wasSubmitted: false, changeReason: '' }).ok).toBe(
      true,
    )
    const same = { ...agreed, plans: { outcome: 'changed' as const, grade: 'good' as const, reason: '' } }
    expect(
      codes(checkModeration(same, complete, { isSubmitting: true, wasSubmitted: false, changeReason: '' })),
    ).toEqual(['moderated-grade-unchanged', 'moderation-reason-missing'])
    const none = { ...agreed, plans: { outcome: 'changed' as const, grade: null, reason: 'Because' } }
    expect(
      codes(checkModeration(none, complete, { isSubmitting: false, wasSubmitted: false, changeReason: '' })),
    ).toEqual(['moderated-grade-missing'])
    expect(
      codes(checkModeration({}, complete, { isSubmitting: true, wasSubmitted: false, changeReason: '' })),
    ).toHaveLength(10)
  })

  it('says where moderation stands', () => {
    expect(moderationStatusOf({ moderatorId: null }, version(true), undefined)).toBe('not-chosen')
    expect(moderationStatusOf({ moderatorId: 'm' }, version(false), undefined)).toBe('waiting-for-audit')
    expect(moderationStatusOf({ moderatorId: 'm' }, version(true), undefined)).toBe('not-started')
  })

  it('keeps the moderator’s grade where they changed one, else the auditor’s', () => {
    const grades = finalGrades(complete, {
      plans: { outcome: 'changed', grade: 'inadequate', reason: 'r' },
      reviews: { outcome: 'agreed', grade: null, reason: '' },
    })
    expect(grades.plans).toBe('inadequate')
    expect(grades.reviews).toBe('good')
    expect(finalGrades(null, null)).toEqual({})
  })

  it('counts outstanding and good as good or better', () => {
    expect(['outstanding', 'good', 'requires-improvement', 'inadequate'].map(g => isGoodOrBetter(g as never))).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})

describe('reassigning a case', () => {
  const round = { status: 'open' } as AuditRound
  const auditCase: AuditCase = {
    id: 'k',
    version: 1,
    roundId: 'r',
    childId: 'c',
    auditorId: 'a',
    moderatorId: 'm',
    withdrawal: null,
  }
  const facts = { auditorIds: new Set(['a', 'm', 'n']), auditSubmitted: false, moderationSubmitted: false }
  const check = (input: object, overrides: Partial<typeof facts> = {}, r = round) =>
    checkReassignment(
      r,
      auditCase,
      { auditorId: 'a', moderatorId: 'm', reason: 'On leave', ...input },
      {
        ...facts,
        ...overrides,
      },
    ).map(e => `${e.code}@${e.path.join('.')}`)

  it.each([
    ['a new auditor', { auditorId: 'n' }, {}, []],
    ['a new moderator, or none', { moderatorId: null }, {}, []],
    ['someone who is not an auditor', { auditorId: 'x' }, {}, ['not-an-auditor@auditorId']],
    ['a moderator who is not an auditor', { moderatorId: 'x' }, {}, ['not-an-auditor@moderatorId']],
    ['the auditor as moderator', { auditorId: 'm' }, {}, ['moderator-is-auditor@moderatorId']],
    [
      'a new auditor after the audit is submitted',
      { auditorId: 'n' },
      { auditSubmitted: true },
      ['submitted-cannot-reassign@auditorId'],
    ],
    [
      'a new moderator after the moderation is submitted',
      { moderatorId: 'n' },
      { moderationSubmitted: true },
      ['submitted-cannot-reassign@moderatorId'],
    ],
    ['a new moderator after only the audit is submitted', { moderatorId: 'n' }, { auditSubmitted: true }, []],
    ['no change', {}, {}, ['nothing-to-reassign@auditorId']],
    ['no reason', { auditorId: 'n', reason: ' ' }, {}, ['reassign-reason-missing@reason']],
  ])('%s', (_name, input, overrides, expected) => {
    expect(check(input, overrides)).toEqual(expected)
  })

  it('is refused once the round is closed', () => {
    expect(check({ auditorId: 'n' }, {}, { status: 'closed' } as AuditRound)).toEqual(['round-closed@'])
  })

  it('is refused once the round is cancelled', () => {
    expect(check({ auditorId: 'n' }, {}, { status: 'cancelled' } as AuditRound)).toEqual(['round-cancelled@'])
  })

  it('is refused once the case is withdrawn', () => {
    expect(
      checkReassignment(
        round,
        { ...auditCase, withdrawal },
        { auditorId: 'n', moderatorId: 'm', reason: 'On leave' },
        facts,
      ).map(e => e.code),
    ).toEqual(['case-withdrawn'])
  })
})

const withdrawal = { withdrawnOn: '2026-03-02' as never, withdrawnById: 'lead', reason: 'Sampled in error' }

describe('withdrawing a case from its round (ADR 0082)', () => {
  const inRound = { withdrawal: null }
  const check = (status: AuditRound['status'], auditCase: Pick<AuditCase, 'withdrawal'>, reason: string) =>
    checkCaseWithdrawal({ status }, auditCase, reason).map(e => `${e.code}@${e.path.join('.')}`)

  it.each([
    ['an open round, with a reason', 'open', inRound, 'The child was sampled in error', []],
    ['no reason', 'open', inRound, '   ', ['withdrawal-reason-missing@reason']],
    ['a reason under three characters', 'open', inRound, ' ab ', ['withdrawal-reason-missing@reason']],
    ['a closed round', 'closed', inRound, 'Another review', ['round-closed@']],
    ['a cancelled round', 'cancelled', inRound, 'Another review', ['round-cancelled@']],
    ['a case already withdrawn', 'open', { withdrawal }, 'Another review', ['case-withdrawn@']],
  ] as const)('%s', (_name, status, auditCase, reason, expected) => {
    expect(check(status, auditCase, reason)).toEqual(expected)
  })

  it('leaves a withdrawn case out of the round’s figures', () => {
    const cases = [
      { id: 'a', withdrawal: null },
      { id: 'b', withdrawal },
      { id: 'c', withdrawal: null },
    ]
    expect(casesInRound(cases).map(c => c.id)).toEqual(['a', 'c'])
  })

  it.each([
    ['open, in the round', 'open', inRound, []],
    ['open, withdrawn', 'open', { withdrawal }, ['case-withdrawn']],
    ['closed', 'closed', inRound, ['round-closed']],
    ['cancelled', 'cancelled', { withdrawal }, ['round-cancelled']],
  ] as const)(
    'lets a case be audited, moderated or given actions only while open and in the round: %s',
    (_name, status, auditCase, expected) => {
      expect(caseChangeErrors({ status }, auditCase).map(e => e.code)).toEqual(expected)
    },
  )
})

describe('cancelling a round (ADR 0082)', () => {
  it.each([
    ['an open round, with a reason', 'open', 'Set up in error: wrong theme', []],
    ['no reason', 'open', '', ['cancellation-reason-missing@reason']],
    ['a closed round (its brief is final)', 'closed', 'Set up in error', ['round-closed-cannot-cancel@']],
    ['a round already cancelled', 'cancelled', 'Set up in error', ['round-cancelled@']],
  ] as const)('%s', (_name, status, reason, expected) => {
    expect(checkRoundCancellation({ status }, reason).map(e => `${e.code}@${e.path.join('.')}`)).toEqual(expected)
  })

  it('tells the confirmation page whether the round can be cancelled, before a reason is asked for', () => {
    expect(roundCancellationErrors({ status: 'open' })).toEqual([])
    expect(roundCancellationErrors({ status: 'closed' }).map(e => e.code)).toEqual(['round-closed-cannot-cancel'])
  })
})
