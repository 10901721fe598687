import { describe, expect, test } from 'vitest'
import { validateCareRecord } from '../children/care-record-rules.ts'
import { buildSsda903Return } from './build-return.ts'
import { generateSyntheticFacts } from './synthetic-facts.ts'
import { d } from './test-facts.ts'

describe('generateSyntheticFacts', () => {
  test('the same seed gives the same facts; another seed gives others', () => {
    expect(generateSyntheticFacts({ seed: 7, children: 50 })).toEqual(generateSyntheticFacts({ seed: 7, children: 50 }))
    expect(generateSyntheticFacts({ seed: 8, children: 50 })).not.toEqual(
      generateSyntheticFacts({ seed: 7, children: 50 }),
    )
  })

  test('names are obviously fictional and LA child IDs fit the 903 (1–10 characters)', () => {
    for (const child of generateSyntheticFacts({ seed: 3, children: 100 })) {
      expect(child.child.familyName).toMatch(/^Fictional-\d+$/)
      expect(child.child.localCaseNumber.length).toBeLessThanOrEqual(10)
    }
  })

  test('a synthetic authority from 2021 is sound and its 2024/25–2026/27 returns have no validation failures', () => {
    const facts = generateSyntheticFacts({ seed: 11, children: 500 })
    expect(facts.flatMap(child => validateCareRecord(child, d('2027-03-31')))).toEqual([])
    for (const year of [2025, 2026, 2027]) {
      expect(buildSsda903Return(facts, year).failures).toEqual([])
    }
  })

  test('it covers every scenario: adoption, reversal, SGO, return home, supported accommodation, temporary moves', () => {
    const facts = generateSyntheticFacts({ seed: 5, children: 200 })
    const reasons = new Set(facts.flatMap(f => f.periodsOfCare.map(p => p.reasonEnded)))
    expect(reasons).toEqual(
      new Set([
        null,
        'returned-home-planned',
        'sgo-former-foster-carers-connected',
        'adopted-unopposed',
        'adopted-consent-dispensed',
        'independent-living-supported',
      ]),
    )
    expect(facts.some(f => f.returnDetails.adoptionJourneys.some(j => j.decisionCeasedOn !== null))).toBe(true)
    expect(facts.some(f => f.placements.some(p => p.placementType === 'temporary-holiday'))).toBe(true)
    expect(facts.some(f => f.placements.some(p => p.placementType === 'supported-accommodation'))).toBe(true)
  })
})
