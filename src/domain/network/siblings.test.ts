import { describe, expect, it } from 'vitest'
import { siblingGroups, siblingPairStatus } from './siblings.ts'

const pair = { childId: 'a', siblingChildId: 'b', kind: 'full' as const }

describe('sibling pairs', () => {
  it('warns when brothers and sisters live apart with no Together-or-Apart assessment', () => {
    const [status] = siblingPairStatus(
      [pair],
      new Map([
        ['a', 'carer:1'],
        ['b', 'carer:2'],
      ]),
      [],
      new Map(),
    )
    expect(status).toMatchObject({ livesTogether: false, warnings: ['apart-without-assessment'] })
  })

  it('is content when they live together, or apart with an assessment and a contact plan', () => {
    expect(
      siblingPairStatus(
        [pair],
        new Map([
          ['a', 'carer:1'],
          ['b', 'carer:1'],
        ]),
        [],
        new Map(),
      )[0]!.warnings,
    ).toEqual([])
    const assessed = {
      childId: 'b',
      siblingChildId: 'a',
      outcome: 'apart' as const,
      reasons: 'Needs differ',
      contactPlan: 'Weekly',
      assessedOn: '2026-01-01',
    }
    expect(
      siblingPairStatus(
        [pair],
        new Map([
          ['a', 'carer:1'],
          ['b', 'carer:2'],
        ]),
        [assessed],
        new Map(),
      )[0]!.warnings,
    ).toEqual([])
    expect(
      siblingPairStatus(
        [pair],
        new Map([
          ['a', 'carer:1'],
          ['b', 'carer:2'],
        ]),
        [{ ...assessed, contactPlan: null }],
        new Map(),
      )[0]!.warnings,
    ).toEqual(['apart-without-contact-plan'])
  })

  it('warns when their plans diverge with no reason recorded', () => {
    const options = new Map([
      ['a', 'adoption'],
      ['b', 'long-term-fostering'],
    ])
    expect(siblingPairStatus([pair], new Map(), [], options)[0]!.warnings).toEqual(['plans-diverge-without-reason'])
  })

  it('groups linked children into sibling groups', () => {
    expect(
      siblingGroups([
        pair,
        { childId: 'b', siblingChildId: 'c', kind: 'half' },
        { childId: 'x', siblingChildId: 'y', kind: 'full' },
      ]),
    ).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y'],
    ])
  })
})
