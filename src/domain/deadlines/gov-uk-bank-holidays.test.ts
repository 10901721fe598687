import { describe, expect, test } from 'vitest'
import { calendarDay } from '../shared/calendar-day.ts'
import { createCalendar } from './calendar.ts'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './england-and-wales-bank-holidays.ts'
import { parseGovUkBankHolidays } from './gov-uk-bank-holidays.ts'

const d = calendarDay

// The shape of https://www.gov.uk/bank-holidays.json, cut down to 2027 with a made-up one-off day.
const FEED = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      { title: 'New Year’s Day', date: '2027-01-01', notes: '', bunting: true },
      { title: 'Good Friday', date: '2027-03-26', notes: '', bunting: false },
      { title: 'Easter Monday', date: '2027-03-29', notes: '', bunting: true },
      { title: 'Early May bank holiday', date: '2027-05-03', notes: '', bunting: true },
      { title: 'Spring bank holiday', date: '2027-05-31', notes: '', bunting: true },
      { title: 'Extra bank holiday (test)', date: '2027-06-01', notes: 'Extra bank holiday', bunting: true },
      { title: 'Summer bank holiday', date: '2027-08-30', notes: '', bunting: true },
      { title: 'Christmas Day', date: '2027-12-27', notes: 'Substitute day', bunting: true },
      { title: 'Boxing Day', date: '2027-12-28', notes: 'Substitute day', bunting: true },
    ],
  },
  scotland: { division: 'scotland', events: [] },
}

describe('parseGovUkBankHolidays (gov.uk bank-holidays.json; rules.md §1, §5 T24)', () => {
  test('reads the england-and-wales events into a versioned table confirmed through the last year', () => {
    const result = parseGovUkBankHolidays(FEED)
    expect(result.ok).toBe(true)
    if (!result.ok) {
      return
    }
    expect(result.value.holidays).toHaveLength(9)
    expect(result.value.firstYear).toBe(2027)
    expect(result.value.lastYear).toBe(2027)
    expect(result.value.confirmedThrough).toBe('2027-12-31')
    expect(result.value.versionId).toMatch(/^gov-uk-2027-2027-[0-9a-f]{8}$/)
    const changed = parseGovUkBankHolidays({
      'england-and-wales': { events: FEED['england-and-wales'].events.slice(1) },
    })
    expect(changed.ok && changed.value.versionId).not.toBe(result.value.versionId)
  })

  test('an imported year overrides the built-in table: the one-off day moves due dates and 2027 is confirmed', () => {
    const result = parseGovUkBankHolidays(FEED)
    if (!result.ok) {
      throw new Error('feed should parse')
    }
    const base = createCalendar()
    const withFeed = createCalendar({ tables: [ENGLAND_AND_WALES_BANK_HOLIDAYS, result.value] })
    expect(base.addWorkingDays(d('2027-05-28'), 2)).toBe('2027-06-02')
    expect(withFeed.addWorkingDays(d('2027-05-28'), 2)).toBe('2027-06-03')
    expect(base.isProvisional(d('2027-06-01'))).toBe(true)
    expect(withFeed.isProvisional(d('2027-06-01'))).toBe(false)
    expect(withFeed.confirmedThrough).toBe('2027-12-31')
    expect(withFeed.isProvisional(d('2028-01-03'))).toBe(true)
    expect(withFeed.versionId).toBe(`ew-2010-2030.v1+${result.value.versionId}`)
  })

  test.each<[string, unknown, string, (string | number)[]]>([
    ['not an object', [], 'not-an-object', []],
    ['no england-and-wales key', { scotland: {} }, 'missing-division', ['england-and-wales']],
    ['events missing', { 'england-and-wales': {} }, 'missing-field', ['england-and-wales', 'events']],
    ['events not a list', { 'england-and-wales': { events: {} } }, 'not-a-list', ['england-and-wales', 'events']],
    ['events empty', { 'england-and-wales': { events: [] } }, 'empty-list', ['england-and-wales', 'events']],
    [
      'wrong division name',
      { 'england-and-wales': { division: 'scotland', events: [{ title: 'x', date: '2027-01-01' }] } },
      'wrong-division',
      ['england-and-wales', 'division'],
    ],
    [
      'date that does not exist',
      { 'england-and-wales': { events: [{ title: 'x', date: '2025-02-30' }] } },
      'not-a-real-date',
      ['england-and-wales', 'events', 0, 'date'],
    ],
    [
      'date missing',
      { 'england-and-wales': { events: [{ title: 'x' }] } },
      'missing-field',
      ['england-and-wales', 'events', 0, 'date'],
    ],
    [
      'title missing',
      { 'england-and-wales': { events: [{ date: '2027-01-01' }] } },
      'missing-field',
      ['england-and-wales', 'events', 0, 'title'],
    ],
    [
      'title blank',
      { 'england-and-wales': { events: [{ title: ' ', date: '2027-01-01' }] } },
      'not-text',
      ['england-and-wales', 'events', 0, 'title'],
    ],
    [
      'bunting not a boolean',
      { 'england-and-wales': { events: [{ title: 'x', date: '2027-01-01', bunting: 'yes' }] } },
      'not-a-boolean',
      ['england-and-wales', 'events', 0, 'bunting'],
    ],
    [
      'notes not text',
      { 'england-and-wales': { events: [{ title: 'x', date: '2027-01-01', notes: 1 }] } },
      'not-text',
      ['england-and-wales', 'events', 0, 'notes'],
    ],
    [
      'duplicate date',
      {
        'england-and-wales': {
          events: [
            { title: 'x', date: '2027-01-01' },
            { title: 'y', date: '2027-01-01' },
          ],
        },
      },
      'duplicate-date',
      ['england-and-wales', 'events', 1, 'date'],
    ],
    [
      'event not an object',
      { 'england-and-wales': { events: ['2027-01-01'] } },
      'not-an-object',
      ['england-and-wales', 'events', 0],
    ],
  ])('refuses a file with %s, naming the field', (_label, json, code, path) => {
    const result = parseGovUkBankHolidays(json)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors).toContainEqual(expect.objectContaining({ code, path }))
    }
  })

  test('reports every bad event, not just the first', () => {
    const result = parseGovUkBankHolidays({
      'england-and-wales': { events: [{ title: 'x', date: '2025-13-01' }, { date: '2027-01-01' }] },
    })
    expect(result.ok ? [] : result.errors.map(e => e.path.join('.'))).toEqual([
      'england-and-wales.events.0.date',
      'england-and-wales.events.1.title',
    ])
  })
})
