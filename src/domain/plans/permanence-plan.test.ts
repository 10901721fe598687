import { describe, expect, it } from 'vitest'
import { applyPlanEdit, editDraftPlan, startPlan, startPlanVersion } from './permanence-plan.ts'
import { emptyPlanContent, PlanEditSchema } from './plan-schemas.ts'
import {
  CHILD_ID,
  PLAN_ID,
  codes,
  d,
  endorsableContent,
  iro,
  planIn,
  socialWorker,
  teamManager,
  unwrap,
} from './testing/fixtures.ts'

describe('starting a plan ([DOR] "The Permanence planning process must start as soon as a child is accommodated")', () => {
  it('starts version 1 as a draft, with a plan-started event', () => {
    const { plan, event } = unwrap(startPlan({ planId: PLAN_ID, childId: CHILD_ID }, socialWorker, d('2026-01-02')))
    expect(plan).toMatchObject({
      id: PLAN_ID,
      childId: CHILD_ID,
      version: 1,
      status: 'draft',
      basedOnVersion: null,
      lastRatified: null,
    })
    expect(plan.content).toEqual(emptyPlanContent())
    expect(event).toMatchObject({
      kind: 'plan-started',
      subject: { type: 'plan', id: PLAN_ID, version: 1 },
      reasons: null,
    })
  })

  it('is written by a social worker or team manager, not an IRO', () => {
    expect(codes(startPlan({ planId: PLAN_ID, childId: CHILD_ID }, iro, d('2026-01-02')))).toEqual([
      'role-not-permitted',
    ])
    expect(codes(startPlan({ planId: PLAN_ID, childId: CHILD_ID }, teamManager, d('2026-01-02')))).toEqual([])
  })

  it('refuses content that breaks a structure rule', () => {
    const content = endorsableContent()
    content.options![3]!.ruledOutReason = ''
    expect(codes(startPlan({ planId: PLAN_ID, childId: CHILD_ID, content }, socialWorker, d('2026-01-02')))).toContain(
      'option-ruled-out-without-reason',
    )
  })

  it('is plain JSON: it survives a round trip through JSON unchanged', () => {
    const plan = planIn('ratified')
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan)
  })
})

describe('editing a draft: an edit is a patch of top-level sections', () => {
  it('replaces only the keys present', () => {
    const draft = planIn('draft')
    const edited = unwrap(editDraftPlan(draft, { strengths: 'Loves football.' }, socialWorker, d('2026-01-03')))
    expect(edited.content.strengths).toBe('Loves football.')
    expect(edited.content.options).toEqual(draft.content.options)
    expect(edited.version).toBe(1)
  })

  it('the edit schema is a true patch: absent keys stay absent (no defaults fill them)', () => {
    expect(PlanEditSchema.parse({ strengths: 'x' })).toEqual({ strengths: 'x' })
  })

  it('applyPlanEdit ignores keys set to undefined', () => {
    const content = emptyPlanContent()
    expect(applyPlanEdit(content, { strengths: undefined })).toEqual(content)
  })

  it('a version sent to the team manager is fixed', () => {
    expect(codes(editDraftPlan(planIn('sent-to-manager'), { strengths: 'x' }, socialWorker, d('2026-01-03')))).toEqual([
      'transition-not-allowed',
    ])
  })
})

describe('new versions: every version kept, each immutable once superseded (docs/adr/0020)', () => {
  it('a new version from a ratified plan remembers the ratified primary option (for PP-08)', () => {
    const { plan, event } = unwrap(
      startPlanVersion(planIn('ratified'), { changeReason: ' Gran withdrew. ' }, socialWorker, d('2026-02-01')),
    )
    expect(plan).toMatchObject({
      version: 2,
      status: 'draft',
      basedOnVersion: 1,
      changeReason: 'Gran withdrew.',
      startedOn: '2026-02-01',
      submission: null,
      endorsement: null,
      ratification: null,
      lastRatified: { version: 1, primaryOptionType: 'special-guardianship', ratifiedOn: '2026-01-20' },
    })
    expect(event).toMatchObject({
      kind: 'plan-version-started',
      reasons: 'Gran withdrew.',
      details: { basedOnVersion: 1 },
    })
  })

  it('a new version from an endorsed (not yet ratified) plan keeps the earlier baseline', () => {
    const v2 = unwrap(
      startPlanVersion(planIn('ratified'), { changeReason: 'Review.' }, socialWorker, d('2026-02-01')),
    ).plan
    const endorsedV2 = { ...v2, status: 'endorsed' as const }
    const v3 = unwrap(startPlanVersion(endorsedV2, { changeReason: 'Again.' }, socialWorker, d('2026-03-01'))).plan
    expect(v3.version).toBe(3)
    expect(v3.lastRatified).toEqual(v2.lastRatified)
  })

  it('derives the new version from an edit in one step, checking the structure rules', () => {
    const { plan } = unwrap(
      startPlanVersion(
        planIn('ratified'),
        { changeReason: 'Review.', edit: { strengths: 'Settled at school.' } },
        socialWorker,
        d('2026-02-01'),
      ),
    )
    expect(plan.content.strengths).toBe('Settled at school.')
    expect(plan.content.options).toEqual(planIn('ratified').content.options)
    const broken = planIn('ratified').content.options.map(o => ({
      ...o,
      isPrimary: true,
      status: 'being-explored' as const,
    }))
    expect(
      codes(
        startPlanVersion(
          planIn('ratified'),
          { changeReason: 'Review.', edit: { options: broken } },
          socialWorker,
          d('2026-02-01'),
        ),
      ),
    ).toContain('more-than-one-primary-option')
  })

  it('the first plan has no ratified baseline', () => {
    const v2 = unwrap(
      startPlanVersion(planIn('endorsed'), { changeReason: 'Review.' }, socialWorker, d('2026-02-01')),
    ).plan
    expect(v2.lastRatified).toBeNull()
  })
})
