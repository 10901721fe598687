import { describe, expect, it } from 'vitest'
import { hasViableContingency, parallelTracks, primaryOptionType, trackingKind } from './plan-queries.ts'
import type { PlanContent } from './plan-schemas.ts'
import { assessment, option, planIn } from './testing/fixtures.ts'

const base = planIn('draft').content

function withOptions(options: PlanContent['options'], assessments = base.assessments): PlanContent {
  return { ...base, options, assessments }
}

describe('twin and triple tracking ([TAM] §10.3; [DOR] "triple tracking may be Adoption, Reunification, and Special Guardianship")', () => {
  it.each<[string, PlanContent['options'], string]>([
    ['no primary plan', [option({ id: 'a', type: 'adoption' })], 'none'],
    ['a primary plan alone', [option({ id: 'a', type: 'adoption', isPrimary: true })], 'single'],
    ['the fixture: SGO with reunification alongside', base.options, 'twin'],
    [
      'adoption, reunification and special guardianship',
      [
        option({ id: 'a', type: 'adoption', isPrimary: true }),
        option({ id: 'r', type: 'reunification', status: 'parallel-track' }),
        option({ id: 's', type: 'special-guardianship', status: 'parallel-track' }),
      ],
      'triple',
    ],
  ])('%s is %s-tracked', (_name, options, expected) => {
    expect(trackingKind(withOptions(options))).toBe(expected)
  })

  it('the primary plan and parallel tracks are read from the flags', () => {
    expect(primaryOptionType(base)).toBe('special-guardianship')
    expect(parallelTracks(base).map(track => track.id)).toEqual(['opt-home'])
    expect(primaryOptionType(withOptions([]))).toBeNull()
  })
})

describe('a viable contingency: how we know it is viable, and no negative assessment ([TAM] App 5, §10.3)', () => {
  const contingency = (viabilityEvidence: string, assessmentIds: string[] = []): PlanContent['options'][number] =>
    option({ id: 'c', type: 'long-term-fostering', status: 'contingency', viabilityEvidence, assessmentIds })

  it.each<[string, PlanContent, boolean]>([
    ['with evidence', withOptions([contingency('Carers approved.')]), true],
    ['without evidence', withOptions([contingency(' ')]), false],
    [
      'with a negative assessment',
      withOptions(
        [contingency('Carers approved.', ['n'])],
        [assessment({ id: 'n', kind: 'viability', outcome: 'negative' })],
      ),
      false,
    ],
    [
      'with a positive assessment',
      withOptions(
        [contingency('Carers approved.', ['p'])],
        [assessment({ id: 'p', kind: 'viability', outcome: 'positive' })],
      ),
      true,
    ],
    ['no contingency at all', withOptions([option({ id: 'x', type: 'adoption', isPrimary: true })]), false],
  ])('%s: viable = %s', (_name, content, expected) => {
    expect(hasViableContingency(content)).toBe(expected)
  })
})
