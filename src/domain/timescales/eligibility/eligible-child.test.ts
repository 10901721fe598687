import { describe, expect, test } from 'vitest'
import { builtInPolicyPackJson, parsePolicyPack } from '../policy-packs.ts'
import { caseHistory, evaluate, resultFor } from '../test-support.ts'

describe('E-ELIG eligible child: 13 weeks looked after since 14, ending after 16 (CA89 Sch 2 para 19B; CPPCR reg 40; rules.md T9)', () => {
  test.each([
    ['2026-03-01', 'eligible-from', '2026-04-07'],
    ['2026-04-07', 'eligible-now', '2026-04-07'],
  ])(
    'E-ELIG with 45 nights in 2024 and a new period from 20 February 2026, as at %s → %s %s (T9)',
    (asOf, status, from) => {
      const history = caseHistory({
        child: { dateOfBirth: '2010-03-10' },
        periodsOfCare: [
          { start: '2024-05-01', end: '2024-06-15', legalStatus: 'V2' },
          { start: '2026-02-20', end: null, legalStatus: 'V2' },
        ],
      })
      const result = resultFor(evaluate(history, asOf), 'E-ELIG', null)
      expect(result.status).toBe(status)
      expect(result.from).toBe(from)
    },
  )

  test('E-ELIG short breaks only (V3/V4) do not count (CPPCR reg 40(2), reg 48)', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2010-03-10' },
      periodsOfCare: [{ start: '2024-05-01', end: null, legalStatus: 'V4' }],
    })
    expect(resultFor(evaluate(history, '2026-06-01'), 'E-ELIG', null).status).toBe('not-eligible')
  })
})

describe('E-STAYPUT staying with the former foster parent to 21 (CA89 s.23CZA; rules.md T7, T12)', () => {
  const history = caseHistory({
    child: { dateOfBirth: '2008-02-29' },
    periodsOfCare: [{ start: '2023-06-01', end: null, legalStatus: 'C2' }],
    placements: [{ start: '2023-06-01', end: null, placementType: 'U4', carerId: 'F' }],
    people: [
      { id: 'F', relationship: 'foster-carer', isLocalAuthorityFosterParent: true, holdsParentalResponsibility: false },
    ],
  })

  test('E-STAYPUT from the 18th birthday of a child born on 29 February: 1 March 2026 by default (national setting; T7, D7)', () => {
    const result = resultFor(evaluate(history, '2025-06-01'), 'E-STAYPUT', 'F')
    expect(result.status).toBe('eligible-from')
    expect(result.from).toBe('2026-03-01')
    expect(result.until).toBe('2029-02-28')
  })

  test('E-STAYPUT with the national leap-day setting at 28 February the 18th birthday is 28 February 2026 (T7, D7)', () => {
    const json = builtInPolicyPackJson('national') as { versions: { settings: Record<string, unknown> }[] }
    json.versions[0]!.settings.leapDayBirthdaysOn = '02-28'
    const pack = parsePolicyPack(json)
    if (!pack.ok) {
      throw new Error('pack should parse')
    }
    const result = resultFor(evaluate(history, '2025-06-01', pack.value), 'E-STAYPUT', 'F')
    expect(result.from).toBe('2026-02-28')
    expect(result.until).toBe('2029-02-27')
  })

  test('E-STAYPUT is not open to a child who is not in foster care', () => {
    const inHome = caseHistory({
      child: { dateOfBirth: '2008-06-01' },
      periodsOfCare: [{ start: '2023-06-01', end: null, legalStatus: 'C2' }],
      placements: [{ start: '2023-06-01', end: null, placementType: 'K2', carerId: null }],
    })
    expect(resultFor(evaluate(inHome, '2025-06-01'), 'E-STAYPUT', null).status).toBe('not-eligible')
  })
})
