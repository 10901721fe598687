import { describe, expect, it } from 'vitest'
import { CHILD_ID, adm, codes, d, teamManager, unwrap } from '../plans/testing/fixtures.ts'
import { recordAdmDecision, type AdmDecision } from './adm-decision.ts'
import { AdmDecisionSchema, type AdmDecisionInput } from './panel-schemas.ts'

const TODAY = d('2026-03-01')

function input(fields: Partial<AdmDecisionInput> = {}): AdmDecisionInput & { id: string } {
  return {
    ...AdmDecisionSchema.parse({
      childId: CHILD_ID,
      kind: 'should-be-placed-for-adoption',
      outcome: 'agreed',
      reasons: 'No family member can care for Amy; she needs a family for life.',
      decidedOn: '2026-02-20',
      ...fields,
    }),
    id: 'adm-1',
  }
}

describe('agency decision maker’s decisions are immutable events with reasons (AAR 2005 regs 19, 33)', () => {
  it('records a "should be placed for adoption" decision', () => {
    const { decision, event } = unwrap(recordAdmDecision(input(), adm, TODAY, []))
    expect(decision).toMatchObject({
      kind: 'should-be-placed-for-adoption',
      outcome: 'agreed',
      decidedBy: adm,
      recordedOn: TODAY,
    })
    expect(event).toMatchObject({
      kind: 'adm-decision-recorded',
      decidedOn: '2026-02-20',
      childIds: [CHILD_ID],
      details: { kind: 'should-be-placed-for-adoption' },
    })
  })

  it('a match follows an agreed placement decision for the same child', () => {
    const placement = unwrap(recordAdmDecision(input(), adm, TODAY, [])).decision
    const earlier: AdmDecision[] = [placement]
    expect(
      codes(
        recordAdmDecision(
          { ...input({ kind: 'adoption-match', decidedOn: d('2026-02-25') }), id: 'adm-2' },
          adm,
          TODAY,
          earlier,
        ),
      ),
    ).toEqual([])
    expect(codes(recordAdmDecision({ ...input({ kind: 'adoption-match' }), id: 'adm-2' }, adm, TODAY, []))).toEqual([
      'match-without-placement-decision',
    ])
    expect(
      codes(
        recordAdmDecision(
          { ...input({ kind: 'adoption-match', decidedOn: d('2026-02-19') }), id: 'adm-2' },
          adm,
          TODAY,
          earlier,
        ),
      ),
    ).toEqual(['match-without-placement-decision'])
  })

  it.each<[string, AdmDecisionInput & { id: string }, typeof adm, string[]]>([
    ['only the agency decision maker decides', input(), teamManager, ['role-not-permitted']],
    ['reasons are required', input({ reasons: ' ' }), adm, ['reasons-required']],
    ['a decision is not dated in the future', input({ decidedOn: d('2026-03-02') }), adm, ['date-in-future']],
    [
      'a panel recommendation names its meeting',
      input({ panelRecommendation: 'Recommended.' }),
      adm,
      ['panel-recommendation-without-meeting'],
    ],
  ])('%s', (_name, decision, actor, expected) => {
    expect(codes(recordAdmDecision(decision, actor, TODAY, []))).toEqual(expected)
  })
})
