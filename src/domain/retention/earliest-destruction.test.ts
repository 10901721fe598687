import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../shared/calendar-day.ts'
import { diedBeforeEighteen, earliestDestruction, retentionMinimums } from './earliest-destruction.ts'

// An independent reading of the statutory minimums, on JavaScript's own calendar (Date.UTC rolls 29 February into
// 1 March in a common year, which is the "later" reading REL-03 asks for).
function plusYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10)
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function diedAsChild(born: string, died: string): boolean {
  const [by, bm, bd] = born.split('-').map(Number) as [number, number, number]
  // Counted as 18 on 28 February when there is no 29 February that year: the reading that keeps records longer.
  const day = bm === 2 && bd === 29 && !isLeap(by + 18) ? 28 : bd
  const eighteenth = `${String(by + 18).padStart(4, '0')}-${String(bm).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return died < eighteenth
}

const dayArb = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1) / 86_400_000, max: Date.UTC(to, 11, 31) / 86_400_000 })
    .map(n => new Date(n * 86_400_000).toISOString().slice(0, 10) as CalendarDay)

const leapBirthArb = fc.integer({ min: 1920, max: 2096 }).map(y => {
  const year = y - (y % 4)
  return `${year}-02-29` as CalendarDay
})

const factsArb = fc
  .record({
    born: fc.oneof(dayArb(1920, 2030), leapBirthArb),
    deathAfterDays: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: null }),
    adoptionAfterDays: fc.array(fc.integer({ min: 0, max: 8_000 }), { maxLength: 3 }),
  })
  .map(({ born, deathAfterDays, adoptionAfterDays }) => {
    const shift = (days: number) =>
      new Date(Date.parse(`${born}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) as CalendarDay
    return {
      dateOfBirthOn: born,
      dateOfDeathOn: deathAfterDays === null ? null : shift(deathAfterDays),
      adoptionOrdersMadeOn: adoptionAfterDays.map(shift),
    }
  })

describe('earliest destruction date (security REL-03)', () => {
  it.each([
    [
      'date of birth 10 Mar 2010',
      { dateOfBirthOn: '2010-03-10', dateOfDeathOn: null, adoptionOrdersMadeOn: [] },
      '2085-03-10',
    ],
    [
      'death 1 Jun 2015 of a child',
      { dateOfBirthOn: '2010-03-10', dateOfDeathOn: '2015-06-01', adoptionOrdersMadeOn: [] },
      '2030-06-01',
    ],
    [
      'adoption order 9 Feb 2026',
      { dateOfBirthOn: '2024-05-01', dateOfDeathOn: null, adoptionOrdersMadeOn: ['2026-02-09'] },
      '2126-02-09',
    ],
  ])('worked case: %s', (_name, facts, expected) => {
    expect(earliestDestruction(facts as never).keepUntil).toBe(expected)
  })

  it('keeps a record of someone who died as an adult until their 75th birthday', () => {
    const facts = { dateOfBirthOn: '2000-01-01', dateOfDeathOn: '2030-01-01', adoptionOrdersMadeOn: [] } as never
    expect(earliestDestruction(facts)).toEqual({ basis: 'seventy-fifth-birthday', keepUntil: '2075-01-01' })
  })

  it('resolves 29 February the later way', () => {
    const leap = { dateOfBirthOn: '2008-02-29', dateOfDeathOn: null, adoptionOrdersMadeOn: [] } as never
    expect(earliestDestruction(leap).keepUntil).toBe('2083-03-01')
    // Born 29 Feb 2008, died 28 Feb 2026: counted as 18 that day, so the 75th birthday applies, not 15 years.
    const died = { dateOfBirthOn: '2008-02-29', dateOfDeathOn: '2026-02-28', adoptionOrdersMadeOn: [] } as never
    expect(diedBeforeEighteen(died)).toBe(false)
    expect(earliestDestruction(died).keepUntil).toBe('2083-03-01')
    const order = { dateOfBirthOn: '2020-01-01', dateOfDeathOn: null, adoptionOrdersMadeOn: ['2024-02-29'] } as never
    expect(earliestDestruction(order).keepUntil).toBe('2124-02-29')
  })

  it('is never earlier than any statutory minimum, and is one of them', () => {
    fc.assert(
      fc.property(factsArb, facts => {
        const result = earliestDestruction(facts).keepUntil
        const minimums: string[] = []
        if (facts.dateOfDeathOn !== null && diedAsChild(facts.dateOfBirthOn, facts.dateOfDeathOn)) {
          minimums.push(plusYears(facts.dateOfDeathOn, 15))
        } else {
          minimums.push(plusYears(facts.dateOfBirthOn, 75))
        }
        minimums.push(...facts.adoptionOrdersMadeOn.map(day => plusYears(day, 100)))
        for (const minimum of minimums) {
          expect(result >= minimum, `${result} before ${minimum} for ${JSON.stringify(facts)}`).toBe(true)
        }
        expect(minimums).toContain(result)
        expect(
          retentionMinimums(facts)
            .map(m => m.keepUntil)
            .sort(),
        ).toEqual([...minimums].sort())
      }),
      { numRuns: 5_000 },
    )
  })

  it('never moves earlier when an adoption order is recorded', () => {
    fc.assert(
      fc.property(factsArb, dayArb(1920, 2100), (facts, madeOn) => {
        const before = earliestDestruction(facts).keepUntil
        const after = earliestDestruction({ ...facts, adoptionOrdersMadeOn: [...facts.adoptionOrdersMadeOn, madeOn] })
        expect(after.keepUntil >= before).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })
})
