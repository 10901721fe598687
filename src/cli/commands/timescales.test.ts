import { describe, expect, test } from 'vitest'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../domain/deadlines/england-and-wales-bank-holidays.ts'
import { calendarDay } from '../../domain/shared/calendar-day.ts'
import { builtInPolicyPackJson } from '../../domain/timescales/policy-packs.ts'
import { ISSUE_EXAMPLE } from '../../domain/timescales/test-support.ts'
import { EXIT_INVALID_INPUT, runTimescales, timescalesCommand } from './timescales.ts'

const caseText = JSON.stringify(ISSUE_EXAMPLE)
const today = calendarDay('2026-03-01')

describe('permanence timescales (issue 3 §6; house style §6.4 exit code 2)', () => {
  test('--json prints {"items":[…],"eligibility":[…],"drift":{…}} for the issue example, as at the file’s asOf', () => {
    const output = runTimescales({ caseText, json: true, today })
    expect(output.exitCode).toBe(0)
    const parsed = JSON.parse(output.stdout) as {
      items: { rule: string; due: string }[]
      eligibility: unknown[]
      drift: object
      meta: { asOf: string }
    }
    expect(Object.keys(parsed)).toEqual(['items', 'eligibility', 'drift', 'meta'])
    expect(parsed.meta.asOf).toBe('2026-02-01')
    expect(parsed.items.find(i => i.rule === 'REV-01')?.due).toBe('2026-01-21')
  })

  test.each([
    [{ asOf: '2026-01-10' }, '2026-01-10'],
    [{}, '2026-02-01'],
  ])('--as-of %o evaluates as at %s', (options, asOf) => {
    const output = runTimescales({ caseText, json: true, today, ...options })
    expect((JSON.parse(output.stdout) as { meta: { asOf: string } }).meta.asOf).toBe(asOf)
  })

  test('without an asOf anywhere it uses today (Europe/London, passed in by the adapter)', () => {
    const { asOf: _asOf, ...noAsOf } = ISSUE_EXAMPLE
    const output = runTimescales({ caseText: JSON.stringify(noAsOf), json: true, today })
    expect((JSON.parse(output.stdout) as { meta: { asOf: string } }).meta.asOf).toBe('2026-03-01')
  })

  test('--policy tameside changes the answer (PP-02 within 20 "days")', () => {
    const output = runTimescales({ caseText, policy: 'tameside', json: true, today })
    const items = (JSON.parse(output.stdout) as { items: { rule: string; due: string | null }[] }).items
    expect(items.find(i => i.rule === 'PP-02')?.due).toBe('2026-01-08')
  })

  test('the readable table lists due items with their explanations and sources', () => {
    const output = runTimescales({ caseText, today })
    expect(output.exitCode).toBe(0)
    expect(output.stdout).toContain('REV-01  2026-01-21  met')
    expect(output.stdout).toContain('25 and 26 December and 1 January are not working days')
    expect(output.stdout).toContain('(CPPCR 2010 reg 33(1))')
    expect(output.stdout).toContain('Legal routes')
  })

  test.each([
    ['{ not json', 'case: not valid JSON'],
    [
      JSON.stringify({ ...ISSUE_EXAMPLE, child: { dateOfBirth: '2012-02-30' } }),
      'case: child.dateOfBirth: Enter a real date in the form YYYY-MM-DD',
    ],
  ])('invalid case input exits with code 2 and names the field: %s', (text, message) => {
    const output = runTimescales({ caseText: text, today })
    expect(output.exitCode).toBe(EXIT_INVALID_INPUT)
    expect(output.stdout).toBe('')
    expect(output.stderr).toContain(message)
  })

  test('every error is printed, each with its field path', () => {
    const bad = structuredClone(ISSUE_EXAMPLE)
    bad.placements[0]!.start = '2025-02-30'
    bad.reviews[0]!.date = 'soon'
    const output = runTimescales({ caseText: JSON.stringify(bad), asOf: '2026-13-01', policy: 'wales', today })
    expect(output.exitCode).toBe(EXIT_INVALID_INPUT)
    expect(output.stderr.trim().split('\n')).toEqual([
      'case: placements[0].start: Enter a real date in the form YYYY-MM-DD',
      'case: reviews[0].date: Enter a real date in the form YYYY-MM-DD',
      '--policy: choose one of national, devon, dorset, tameside',
      '--as-of: enter a real date in the form YYYY-MM-DD',
    ])
  })

  test('an authority’s own pack file is used without code, and a malformed one is refused with its path', () => {
    const pack = builtInPolicyPackJson('dorset') as {
      id: string
      versions: { rules: Record<string, Record<string, unknown>> }[]
    }
    pack.id = 'example-council'
    const good = runTimescales({ caseText, policyText: JSON.stringify(pack), json: true, today })
    expect(good.exitCode).toBe(0)
    expect((JSON.parse(good.stdout) as { meta: { policyPack: string } }).meta.policyPack).toBe('example-council')
    pack.versions[0]!.rules['PP-03']!.period = { n: 3 }
    const bad = runTimescales({ caseText, policyText: JSON.stringify(pack), today })
    expect(bad.exitCode).toBe(EXIT_INVALID_INPUT)
    expect(bad.stderr).toContain('policy: versions[0].rules.PP-03.period.unit')
  })

  test('a gov.uk bank-holidays file is layered over the calendar; a bad one is refused with its path', () => {
    // A full year, as gov.uk publishes: the built-in 2026 dates plus an extra day on 20 January.
    const events = [
      ...ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays
        .filter(h => h.date.startsWith('2026-'))
        .map(h => ({ title: h.title, date: h.date, notes: h.notes, bunting: true })),
      { title: 'Extra bank holiday', date: '2026-01-20', notes: '', bunting: true },
    ]
    const feed = { 'england-and-wales': { division: 'england-and-wales', events } }
    const output = runTimescales({ caseText, bankHolidaysText: JSON.stringify(feed), json: true, today })
    expect(
      (JSON.parse(output.stdout) as { items: { rule: string; due: string }[] }).items.find(i => i.rule === 'REV-01')
        ?.due,
    ).toBe('2026-01-22')
    events[0]!.date = '2026-02-30'
    const bad = runTimescales({ caseText, bankHolidaysText: JSON.stringify(feed), today })
    expect(bad.stderr).toContain('bank holidays: england-and-wales.events[0].date: not-a-real-date')
  })

  test('timescalesCommand declares the documented options', () => {
    const command = timescalesCommand()
    expect(command.name()).toBe('timescales')
    expect(command.options.map(o => o.long)).toEqual([
      '--case',
      '--policy',
      '--policy-file',
      '--bank-holidays',
      '--as-of',
      '--json',
    ])
  })
})
