import { describe, expect, test } from 'vitest'
import { RULE_IDS } from './rule-ids.ts'
import { BUILT_IN_POLICY_PACK_IDS } from './policy-packs.ts'
import { ISSUE_EXAMPLE, caseHistory, evaluate, itemFor } from './test-support.ts'

const example = caseHistory(ISSUE_EXAMPLE)

describe('evaluateCase on the issue 3 example (issue 3 §2, §6)', () => {
  const evaluation = evaluate(example, '2026-02-01')

  test('REV-01 says how the date was reached: "20 working days after … 19 December 2025; 25 and 26 December and 1 January are not working days" (CPPCR reg 33(1))', () => {
    const item = itemFor(evaluation, 'REV-01')
    expect(item).toMatchObject({
      rule: 'REV-01',
      title: 'First looked-after review',
      due: '2026-01-21',
      status: 'met',
      metOn: '2026-01-15',
      source: 'CPPCR 2010 reg 33(1)',
      provisional: false,
      trigger: { event: 'child became looked after', on: '2025-12-19' },
      policyVersion: 'national@2011-04-01',
    })
    expect(item.explanation).toBe(
      '20 working days after the child became looked after on 19 December 2025; 25 and 26 December and 1 January are not working days; held on 15 January 2026.',
    )
  })

  test.each([
    ['CP-01', '2026-01-07', 'overdue'],
    ['CP-03', '2025-12-30', 'overdue'],
    ['PP-01', '2026-04-15', 'upcoming'],
    ['REV-02', '2026-04-15', 'upcoming'],
    ['VIS-01', '2025-12-26', 'overdue'],
    ['HLT-01', '2026-01-15', 'met'],
    ['HLT-02', '2027-01-10', 'upcoming'],
    ['EDU-01', '2026-01-07', 'overdue'],
    ['KIT-01', '2026-01-27', 'overdue'],
    ['PRC-01', '2025-07-06', 'overdue'],
    ['PRC-02', '2025-08-31', 'overdue'],
    ['CL-01', '2028-08-31', 'upcoming'],
  ] as const)('%s is due %s and %s as at 1 February 2026', (rule, due, status) => {
    expect(itemFor(evaluation, rule)).toMatchObject({ due, status })
  })

  test('every rule the engine covers reports at least one item, for every pack', () => {
    for (const pack of BUILT_IN_POLICY_PACK_IDS) {
      const rules = new Set(evaluate(example, '2026-02-01', pack).items.map(i => i.rule))
      for (const rule of RULE_IDS.filter(r => !['PP-09', 'VIS-03', 'VIS-04', 'VIS-05', 'ADO-03'].includes(r))) {
        expect(rules.has(rule), `${pack} ${rule}`).toBe(true)
      }
    }
  })

  test('every explanation is one sentence: starts with a capital letter or a number and ends with one full stop', () => {
    for (const pack of BUILT_IN_POLICY_PACK_IDS) {
      const result = evaluate(example, '2026-02-01', pack)
      for (const text of [...result.items.map(i => i.explanation), ...result.eligibility.map(r => r.explanation)]) {
        expect(text).toMatch(/^[A-Z0-9][^]*[^.]\.$/)
      }
    }
  })

  test('the answer is plain JSON, records what it used, and is the same every time', () => {
    const again = evaluate(example, '2026-02-01')
    expect(JSON.parse(JSON.stringify(evaluation))).toEqual(again)
    expect(evaluation.meta).toEqual({
      asOf: '2026-02-01',
      policyPack: 'national',
      policyVersion: 'national@2011-04-01',
      calendarVersion: 'ew-2010-2030.v1',
      calendarConfirmedThrough: '2026-12-31',
    })
  })

  test('options.asOf overrides the history, and one of them is required', () => {
    expect(evaluate(example, '2026-01-10').meta.asOf).toBe('2026-01-10')
    const { asOf: _asOf, ...withoutAsOf } = ISSUE_EXAMPLE
    expect(() => evaluate(caseHistory(withoutAsOf), undefined as unknown as string)).toThrow(/evaluation day/)
  })

  test('events after the evaluation day are ignored: as at 14 January 2026 the first review is not yet held', () => {
    expect(itemFor(evaluate(example, '2026-01-14'), 'REV-01').status).toBe('due-soon')
  })
})

describe('Provisional dates (rules.md §5 T24, T6)', () => {
  test.each([
    ['2026-11-02', '2026-11-30', false],
    ['2026-12-10', '2027-01-12', true],
  ])(
    'REV-01 from %s is due %s; provisional %s because 2027 bank holidays are projected, not published (T24)',
    (start, due, provisional) => {
      const history = caseHistory({
        child: { dateOfBirth: '2015-03-03' },
        periodsOfCare: [{ start, end: null, legalStatus: 'V2' }],
      })
      const item = itemFor(evaluate(history, start), 'REV-01')
      expect(item.due).toBe(due)
      expect(item.provisional).toBe(provisional)
    },
  )
})

describe('Each pack changes the answers where its document says it should ([DEV], [DOR], [TAM]; rules.md §3)', () => {
  const dueByPack = (rule: 'PP-01' | 'PP-02' | 'PP-03' | 'PP-04' | 'PP-06' | 'PP-07'): Record<string, string | null> =>
    Object.fromEntries(
      BUILT_IN_POLICY_PACK_IDS.map(pack => [
        pack,
        itemFor(evaluate(example, '2026-02-01', pack), rule === 'PP-06' ? 'PP-07' : rule).due,
      ]),
    )

  test('PP-01: Dorset wants the plan before the second review; the others by it', () => {
    expect(dueByPack('PP-01')).toEqual({
      national: '2026-04-15',
      devon: '2026-04-15',
      dorset: '2026-04-14',
      tameside: '2026-04-15',
    })
  })

  test('PP-02, PP-03, PP-04: only the authority whose document sets the timescale gets a due date', () => {
    expect(dueByPack('PP-02')).toEqual({ national: null, devon: null, dorset: null, tameside: '2026-01-08' })
    expect(dueByPack('PP-03')).toEqual({ national: null, devon: null, dorset: '2026-01-03', tameside: null })
    expect(dueByPack('PP-04')).toEqual({ national: null, devon: null, dorset: '2026-04-06', tameside: '2026-02-17' })
  })
})
