import { describe, expect, it } from 'vitest'
import { allocateCases, allocateProportionally, drawSample, type SampleCandidate } from './audit-sample.ts'

const candidates: SampleCandidate[] = Array.from({ length: 40 }, (_, i) => ({
  childId: `child-${String(i).padStart(2, '0')}`,
  teamId: i < 20 ? 'east' : i < 30 ? 'west' : 'north',
  legalStatus: i % 4 === 0 ? 'section-20' : 'care-order',
}))

describe('drawing an audit sample', () => {
  it('draws the same random sample from the same seed, whatever order the children come in', () => {
    const a = drawSample({ kind: 'random', size: 10, seed: 2026 }, candidates)
    const b = drawSample({ kind: 'random', size: 10, seed: 2026 }, [...candidates].reverse())
    expect(a).toEqual(b)
    expect(new Set(a).size).toBe(10)
    expect(drawSample({ kind: 'random', size: 10, seed: 2027 }, candidates)).not.toEqual(a)
  })

  it('never draws more children than there are', () => {
    expect(drawSample({ kind: 'random', size: 100, seed: 1 }, candidates)).toHaveLength(40)
  })

  it('stratifies by team in proportion to each team’s children (20/10/10 of 40 → 5/3/2 of 10; a tie goes to the group named first)', () => {
    const sample = drawSample({ kind: 'stratified', by: 'team', size: 10, seed: 5 }, candidates)
    const teamOf = (id: string) => candidates.find(c => c.childId === id)!.teamId
    const counts = sample.reduce<Record<string, number>>(
      (acc, id) => ({ ...acc, [teamOf(id)!]: (acc[teamOf(id)!] ?? 0) + 1 }),
      {},
    )
    expect(counts).toEqual({ east: 5, north: 3, west: 2 })
  })

  it('stratifies by legal status', () => {
    const sample = drawSample({ kind: 'stratified', by: 'legal-status', size: 8, seed: 5 }, candidates)
    const section20 = sample.filter(id => candidates.find(c => c.childId === id)!.legalStatus === 'section-20')
    expect(section20).toHaveLength(2)
    expect(sample).toHaveLength(8)
  })

  it('takes named children in the order named, leaving out any who cannot be sampled', () => {
    expect(drawSample({ kind: 'named', childIds: ['child-05', 'nobody', 'child-01', 'child-05'] }, candidates)).toEqual(
      ['child-05', 'child-01'],
    )
  })

  it('allocates proportionally with the remainders to the largest fractions', () => {
    expect(
      Object.fromEntries(
        allocateProportionally(
          new Map([
            ['a', 1],
            ['b', 1],
            ['c', 1],
          ]),
          2,
        ),
      ),
    ).toEqual({
      a: 1,
      b: 1,
      c: 0,
    })
    expect(allocateProportionally(new Map(), 3).size).toBe(0)
  })
})

describe('giving cases to auditors', () => {
  const ids = ['c1', 'c2', 'c3', 'c4', 'c5']

  it('gives the children to auditors in turn and moderates the share chosen, rounded up, by another auditor', () => {
    const cases = allocateCases(ids, ['ann', 'ben'], 50, 3)
    expect(cases.map(c => c.auditorId)).toEqual(['ann', 'ben', 'ann', 'ben', 'ann'])
    const moderated = cases.filter(c => c.moderatorId !== null)
    expect(moderated).toHaveLength(3)
    expect(moderated.every(c => c.moderatorId !== c.auditorId)).toBe(true)
  })

  it('moderates nothing with one auditor or a share of 0%', () => {
    expect(allocateCases(ids, ['ann'], 50, 1).every(c => c.moderatorId === null)).toBe(true)
    expect(allocateCases(ids, ['ann', 'ben'], 0, 1).every(c => c.moderatorId === null)).toBe(true)
    expect(allocateCases(ids, [], 50, 1)).toEqual([])
  })

  it('moderates every case at 100%', () => {
    expect(allocateCases(ids, ['ann', 'ben', 'cat'], 100, 9).every(c => c.moderatorId !== null)).toBe(true)
  })
})
