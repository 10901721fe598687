import { describe, expect, test } from 'vitest'
import type { CaseHistoryInput } from '../case-history.ts'
import { caseHistory, evaluate, resultFor } from '../test-support.ts'

type Person = CaseHistoryInput['people'][number]

const grandmother: Person = {
  id: 'G',
  relationship: 'grandparent',
  isLocalAuthorityFosterParent: false,
  holdsParentalResponsibility: false,
}

describe('E-CAO three of the last five years with the 3-month tail (CA89 s.10(5)(b), (10); rules.md T13)', () => {
  // Grandmother from 1 January 2020; the child left on 1 April 2023 (last night 31 March): 1,186 nights.
  const history = caseHistory({
    child: { dateOfBirth: '2014-06-01' },
    people: [grandmother],
    livingHistory: [{ personId: 'G', from: '2020-01-01', to: '2023-04-01' }],
  })

  test.each([
    ['2023-06-30', 'eligible-now'],
    ['2023-07-01', 'eligible-now'],
    ['2023-07-02', 'needs-leave'],
  ])('E-CAO application on %s → %s ("ended" = first day away, 1 April 2023; T13)', (asOf, status) => {
    const result = resultFor(evaluate(history, asOf), 'E-CAO', 'G')
    expect(result.status).toBe(status)
    if (status === 'eligible-now') {
      expect(result.route).toContain('s.10(5)(b)')
    } else {
      expect(result.reasons.join(' ')).toContain(
        '1186 nights with them in the last 5 years, 1095 needed, and the period ended more than 3 months ago',
      )
    }
  })

  test('E-ADO has no 3-month tail: the same grandmother still meets ACA s.42(5) on 2 July 2023 (rules.md D10)', () => {
    const result = resultFor(evaluate(history, '2023-07-02'), 'E-ADO', 'G')
    expect(result.status).toBe('eligible-from')
    expect(result.route).toContain('s.42(5)')
    expect(result.reasons.join(' ')).toContain('s.44')
  })
})

describe('E-CAO and E-SGO one year "immediately preceding" across a leap day (CA89 s.10(5A), s.14A(5)(d); rules.md T14)', () => {
  const history = caseHistory({
    child: { dateOfBirth: '2014-06-01' },
    periodsOfCare: [{ start: '2024-02-15', end: null, legalStatus: 'C2' }],
    placements: [{ start: '2024-02-15', end: null, placementType: 'U6', carerId: 'F' }],
    people: [
      { id: 'F', relationship: 'foster-carer', isLocalAuthorityFosterParent: true, holdsParentalResponsibility: false },
    ],
  })

  test.each([
    ['2024-06-01', 'eligible-from', '2025-02-15'],
    ['2025-02-14', 'eligible-from', '2025-02-15'],
    ['2025-02-15', 'eligible-now', '2025-02-15'],
  ])(
    'E-CAO local authority foster parent from 15 February 2024, as at %s → %s %s (366 days, not 365)',
    (asOf, status, from) => {
      const result = resultFor(evaluate(history, asOf), 'E-CAO', 'F')
      expect(result.status).toBe(status)
      expect(result.from).toBe(from)
      expect(result.route).toContain('s.10(5A)')
    },
  )

  test('E-SGO adds the 3-month notice: with no notice, the earliest date is 3 months from a notice given today (s.14A(7))', () => {
    const result = resultFor(evaluate(history, '2025-02-15'), 'E-SGO', 'F')
    expect(result.status).toBe('eligible-from')
    expect(result.from).toBe('2025-05-15')
    expect(result.route).toContain('s.14A(5)(d)')
  })
})

describe('E-SGO notice before the start of the 3-month period ending with the application (CA89 s.14A(7); rules.md T16, D8)', () => {
  const withNotice = (givenOn: string): ReturnType<typeof caseHistory> =>
    caseHistory({
      child: { dateOfBirth: '2014-06-01' },
      people: [grandmother],
      livingHistory: [{ personId: 'G', from: '2023-01-01', to: null }],
      sgoNotices: [{ personId: 'G', givenOn }],
    })

  test.each([
    ['2025-03-15', '2025-06-15'],
    ['2025-11-30', '2026-03-01'],
    ['2025-08-31', '2025-12-01'],
  ])(
    'E-SGO relative living with the child since 2023, notice on %s → may apply from %s (T16; relative route, D8)',
    (givenOn, from) => {
      const result = resultFor(evaluate(withNotice(givenOn), givenOn), 'E-SGO', 'G')
      expect(result.status).toBe('eligible-from')
      expect(result.from).toBe(from)
      expect(result.route).toContain('s.14A(5)(e): a relative')
    },
  )

  test('E-SGO a parent cannot be a special guardian (s.14A(2)(b))', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2014-06-01' },
      people: [
        { id: 'M', relationship: 'mother', isLocalAuthorityFosterParent: false, holdsParentalResponsibility: true },
      ],
    })
    const evaluation = evaluate(history, '2025-01-01')
    expect(resultFor(evaluation, 'E-SGO', 'M').status).toBe('not-eligible')
    expect(resultFor(evaluation, 'E-CAO', 'M').status).toBe('eligible-now')
    expect(resultFor(evaluation, 'E-CAO', 'M').route).toContain('s.10(4)(a)')
  })

  test('E-CAO and E-SGO cannot be made once the child is 18 (rules.md T12)', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2007-06-01' },
      people: [grandmother],
      livingHistory: [{ personId: 'G', from: '2015-01-01', to: null }],
    })
    const evaluation = evaluate(history, '2025-06-01')
    expect(resultFor(evaluation, 'E-CAO', 'G').status).toBe('not-eligible')
    expect(resultFor(evaluation, 'E-SGO', 'G').status).toBe('not-eligible')
    expect(resultFor(evaluation, 'E-ADO', 'G').status).toBe('not-eligible')
  })
})

describe('E-ADO home conditions (ACA 2002 s.42; rules.md T15)', () => {
  test('E-ADO placed for adoption on 1 December 2025 → earliest application 9 February 2026 (10 weeks, s.42(2); T15)', () => {
    const history = caseHistory({
      child: { dateOfBirth: '2023-05-05' },
      periodsOfCare: [{ start: '2024-01-08', end: null, legalStatus: 'E1' }],
      placements: [{ start: '2025-12-01', end: null, placementType: 'A6', carerId: 'AD' }],
      adoption: { placementOrderOn: '2025-06-02', placedForAdoptionOn: '2025-12-01', adoptersPersonIds: ['AD'] },
      people: [
        {
          id: 'AD',
          relationship: 'prospective-adopter',
          isLocalAuthorityFosterParent: false,
          holdsParentalResponsibility: false,
        },
      ],
    })
    for (const [asOf, status] of [
      ['2026-02-08', 'eligible-from'],
      ['2026-02-09', 'eligible-now'],
    ] as const) {
      const result = resultFor(evaluate(history, asOf), 'E-ADO', 'AD')
      expect(result.status).toBe(status)
      expect(result.from).toBe('2026-02-09')
      expect(result.route).toContain('s.42(2)')
    }
  })

  test.each([
    ['parent-partner', 's.42(3)', '2025-07-01'],
    ['foster-carer', 's.42(4)', '2026-01-01'],
  ] as const)(
    'E-ADO a %s living with the child since 1 January 2025 → %s from %s (before the s.44 notice)',
    (relationship, section, homeFrom) => {
      const history = caseHistory({
        child: { dateOfBirth: '2016-05-05' },
        people: [
          {
            id: 'X',
            relationship,
            isLocalAuthorityFosterParent: relationship === 'foster-carer',
            holdsParentalResponsibility: false,
          },
        ],
        livingHistory: [{ personId: 'X', from: '2025-01-01', to: null }],
        adoptionNotices: [{ personId: 'X', givenOn: '2025-01-10' }],
      })
      const result = resultFor(evaluate(history, '2025-02-01'), 'E-ADO', 'X')
      expect(result.route).toContain(section)
      expect(result.from).toBe(homeFrom)
    },
  )
})
