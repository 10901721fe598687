import { describe, expect, test } from 'vitest'
import { collectionEnd, collectionStart, collectionYearLabel, collectionYearOf } from './collection-year.ts'
import { formatPartialReturnDate, formatReturnDate, parsePartialReturnDate, parseReturnDate } from './return-dates.ts'
import { sha1, stableFactId, uuidV5 } from './stable-id.ts'
import { d } from './test-facts.ts'

describe('collection years (validator collectionYear convention)', () => {
  test.each([
    [2026, '2025-04-01', '2026-03-31', '2025/26'],
    [2025, '2024-04-01', '2025-03-31', '2024/25'],
    [2027, '2026-04-01', '2027-03-31', '2026/27'],
  ])('%i runs %s to %s (%s)', (year, start, end, label) => {
    expect([collectionStart(year), collectionEnd(year), collectionYearLabel(year)]).toEqual([start, end, label])
    expect(collectionYearOf(d(start))).toBe(year)
    expect(collectionYearOf(d(end))).toBe(year)
  })
})

describe('903 dates', () => {
  test.each([
    ['01/06/2015', '2015-06-01'],
    [' 29/02/2024 ', '2024-02-29'],
    ['29/02/2025', undefined],
    ['2015-06-01', undefined],
    ['1/6/2015', undefined],
  ])('%s reads as %s', (text, day) => {
    expect(parseReturnDate(text)).toBe(day)
  })

  test('written as dd/mm/yyyy, empty for null', () => {
    expect(formatReturnDate(d('2025-12-09'))).toBe('09/12/2025')
    expect(formatReturnDate(null)).toBe('')
  })

  test.each([
    ['zz/05/2020', '2020-05-ZZ', 'ZZ/05/2020'],
    ['ZZ/ZZ/ZZZZ', 'ZZZZ-ZZ-ZZ', 'ZZ/ZZ/ZZZZ'],
    ['31/04/2020', undefined, null],
    ['XX/05/2020', undefined, null],
  ])('previous permanence date %s', (text, partial, written) => {
    const parsed = parsePartialReturnDate(text)
    expect(parsed).toBe(partial)
    if (parsed !== undefined) {
      expect(formatPartialReturnDate(parsed)).toBe(written)
    }
  })
})

describe('stable ids', () => {
  test('SHA-1 of "abc" is the FIPS 180 test vector', () => {
    const hex = Array.from(sha1(new TextEncoder().encode('abc')), b => b.toString(16).padStart(2, '0')).join('')
    expect(hex).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
  })

  test('UUID v5 matches the RFC example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    )
  })

  test('the same LA child ID and dates always give the same id, and different ones differ', () => {
    expect(stableFactId('T001', 'period-of-care', '2025-05-01')).toBe(
      stableFactId('T001', 'period-of-care', '2025-05-01'),
    )
    expect(stableFactId('T001', 'period-of-care', '2025-05-01')).not.toBe(
      stableFactId('T002', 'period-of-care', '2025-05-01'),
    )
  })
})
