import { describe, expect, test } from 'vitest'
import { PLACEMENT_TYPE_VALUES } from '../children/codes.ts'
import { accommodationCode, accommodationFromCode, canonicalFor, codeFor, codesIn } from './code-maps.ts'
import { CARE_LEAVER_ACCOMMODATIONS, type CareLeaverAccommodation } from './return-facts.ts'

describe('year-specific code maps (national-returns.md §1.5)', () => {
  test.each([
    ['male', 2024, '1'],
    ['female', 2024, '2'],
    ['unknown', 2024, undefined],
    ['male', 2025, 'M'],
    ['female', 2026, 'F'],
    ['unknown', 2027, 'U'],
  ] as const)('rule 101: SEX %s in %i is %s', (sex, year, expected) => {
    expect(codeFor('SEX', sex, year)).toBe(expected)
  })

  test.each([
    ['semi-independent-unregulated', 2025, 'H5'],
    ['semi-independent-unregulated', 2026, undefined],
    ['independent-living', 2025, 'P2'],
    ['independent-living', 2026, undefined],
    ['other-placement', 2025, 'Z1'],
    ['other-placement', 2026, undefined],
    ['supported-accommodation', 2024, undefined],
    ['supported-accommodation', 2025, 'K3'],
    ['other-placement-z11', 2025, undefined],
    ['other-placement-z11', 2026, 'Z11'],
    ['other-placement-z14', 2027, 'Z14'],
    ['foster-long-term', 2020, 'U4'],
  ] as const)('rule 146: PLACE %s in %i is %s', (type, year, expected) => {
    expect(codeFor('PLACE', type, year)).toBe(expected)
  })

  test('the 2025/26 PLACE list is the validator’s', () => {
    expect(codesIn('PLACE', 2026).sort()).toEqual(
      [
        'A3',
        'A4',
        'A5',
        'A6',
        'K1',
        'K2',
        'K3',
        'P1',
        'P3',
        'R1',
        'R2',
        'R3',
        'R5',
        'S1',
        'T0',
        'T1',
        'T2',
        'T3',
        'T4',
        'U1',
        'U2',
        'U3',
        'U4',
        'U5',
        'U6',
        'Z11',
        'Z12',
        'Z13',
        'Z14',
      ].sort(),
    )
  })

  test('every placement type maps back from its code in a year where it has one', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const type of PLACEMENT_TYPE_VALUES) {
        const code = codeFor('PLACE', type, year)
        if (code !== undefined) {
          expect(canonicalFor('PLACE', code.toLowerCase(), year)).toBe(type)
        }
      }
    }
  })

  test.each([
    ['REC', 'continues', 'X1'],
    ['REC', 'adopted-consent-dispensed', 'E12'],
    ['RNE', 'legal-status-and-placement-change-same-carer', 'U'],
    ['REASON_PLACED_CEASED', 'adopters-not-found', 'RD3'],
    ['LS_ADOPTR', 'civil-partnership', 'L2'],
    ['SEX_ADOPTR', 'male-and-female', 'MF'],
    ['MISSING', 'away-without-authorisation', 'A'],
    ['PREV_PERM', 'none', 'Z1'],
  ] as const)('%s %s is %s in every year', (list, canonical, code) => {
    for (const year of [2024, 2025, 2026, 2027]) {
      expect(codeFor(list, canonical as never, year)).toBe(code)
    }
  })

  test('rule 133: OC3 ACCOM codes round trip, and S and X only as unsuitable', () => {
    expect(accommodationCode('no-fixed-abode', true)).toBeUndefined()
    expect(accommodationCode('custody', false)).toBe('X2')
    expect(accommodationCode('not-applicable', null)).toBe('0')
    expect(accommodationFromCode('S1')).toBeUndefined()
    expect(accommodationFromCode('Q1')).toBeUndefined()
    for (const accommodation of Object.keys(CARE_LEAVER_ACCOMMODATIONS) as CareLeaverAccommodation[]) {
      for (const suitable of [true, false, null]) {
        const code = accommodationCode(accommodation, suitable)
        if (code !== undefined) {
          expect(accommodationFromCode(code)).toEqual({ accommodation, isSuitable: suitable })
        }
      }
    }
  })
})
