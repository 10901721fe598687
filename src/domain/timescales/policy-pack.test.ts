import { describe, expect, test } from 'vitest'
import { dayNumberOf } from '../deadlines/day-format.ts'
import { formatFieldPath } from './case-history.ts'
import { policyAt } from './policy-pack.ts'
import {
  BUILT_IN_POLICY_PACK_IDS,
  builtInPolicyPackJson,
  loadBuiltInPolicyPack,
  parsePolicyPack,
} from './policy-packs.ts'
import { caseHistory, evaluate, itemFor } from './test-support.ts'

type PackJson = {
  id: string
  extends?: string
  versions: {
    effectiveFrom: string
    label: string
    source: string
    rules?: Record<string, unknown>
    settings?: Record<string, unknown>
  }[]
}

function errorsOf(json: unknown): string[] {
  const result = parsePolicyPack(json)
  return result.ok ? [] : result.errors.map(e => `${formatFieldPath(e.path)}: ${String(e.params?.message)}`)
}

function dorset(change: (json: PackJson) => void): unknown {
  const json = builtInPolicyPackJson('dorset') as PackJson
  change(json)
  return json
}

describe('Policy packs as data (rules.md §3; issue 3 §3)', () => {
  test.each(BUILT_IN_POLICY_PACK_IDS)('the built-in %s pack parses, and every period has an explicit unit', id => {
    const pack = loadBuiltInPolicyPack(id)
    expect(pack.id).toBe(id)
    const periods: { unit: string }[] = []
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach(walk)
      } else if (value !== null && typeof value === 'object') {
        if ('n' in value && 'unit' in value) {
          periods.push(value as { unit: string })
        }
        Object.values(value).forEach(walk)
      }
    }
    walk(builtInPolicyPackJson(id))
    for (const period of periods) {
      expect(['calendarDays', 'workingDays', 'weeks', 'months', 'years']).toContain(period.unit)
    }
  })

  test.each([
    ['tameside', 'PP-02', 'Within 20 days of a child becoming looked after.'],
    ['dorset', 'PP-03', 'Social Worker sends PP to their Team manager (TM) via MOSAIC 3 days in advance'],
  ] as const)(
    '%s %s states its reading of a unit-less period, marks it unconfirmed and quotes the source (T6)',
    (id, rule, quote) => {
      const setting = loadBuiltInPolicyPack(id).versions[0]!.rules[rule]
      expect(setting.period?.unitConfirmed).toBe(false)
      expect(setting.period?.quote).toContain(quote)
    },
  )

  test.each<[string, (json: PackJson) => void, string]>([
    [
      'a period with no unit',
      j => {
        j.versions[0]!.rules!['PP-04'] = { ...(j.versions[0]!.rules!['PP-04'] as object), every: { n: 3 } }
      },
      'versions[0].rules.PP-04.every.unit',
    ],
    [
      'a unit that does not exist',
      j => {
        j.versions[0]!.rules!['PP-05'] = {
          ...(j.versions[0]!.rules!['PP-05'] as object),
          interval: { n: 12, unit: 'fortnights' },
        }
      },
      'versions[0].rules.PP-05.interval.unit',
    ],
    [
      'a negative period',
      j => {
        j.versions[0]!.rules!['PP-05'] = {
          ...(j.versions[0]!.rules!['PP-05'] as object),
          interval: { n: -1, unit: 'months' },
        }
      },
      'versions[0].rules.PP-05.interval.n',
    ],
    [
      'an unknown rule',
      j => {
        j.versions[0]!.rules!['PP-99'] = {}
      },
      'versions[0].rules: Unrecognized key: "PP-99"',
    ],
    [
      'a local change to a statutory period',
      j => {
        j.versions[0]!.rules!['REV-01'] = { enabled: true, source: 'x', period: { n: 30, unit: 'workingDays' } }
      },
      'versions[0].rules.REV-01: REV-01 is set nationally',
    ],
    [
      'a local leap-day convention',
      j => {
        j.versions[0]!.settings = { leapDayBirthdaysOn: '02-28' }
      },
      'versions[0].settings.leapDayBirthdaysOn: The leap-day birthday convention is a national setting',
    ],
    [
      'versions out of order',
      j => {
        j.versions.push({ ...j.versions[0]!, effectiveFrom: '2010-01-01' })
      },
      'versions[1].effectiveFrom: Versions must be in order of effectiveFrom',
    ],
    [
      'an unknown base pack',
      j => {
        j.extends = 'wales'
      },
      'extends: No policy pack "wales" to extend',
    ],
    [
      'a bad id',
      j => {
        j.id = 'Dorset Council'
      },
      'id: Use lower-case letters, digits and hyphens',
    ],
  ])('refuses a pack with %s, naming the path and the problem', (_label, change, message) => {
    expect(errorsOf(dorset(change)).some(e => e.startsWith(message))).toBe(true)
  })

  test('refuses a root pack that leaves rules out, naming what is missing', () => {
    const json = builtInPolicyPackJson('national') as PackJson
    delete json.versions[0]!.rules!['REV-02']
    expect(errorsOf(json).some(e => e.startsWith('versions[0].rules.REV-02'))).toBe(true)
  })

  test('an authority changes its pack without code: a new version from 1 April 2026 with 2-monthly meetings applies to triggers from that day (T19)', () => {
    const json = builtInPolicyPackJson('dorset') as PackJson
    json.versions.push({
      effectiveFrom: '2026-04-01',
      label: 'Revised guidance',
      source: 'Dorset guidance, revised',
      rules: {
        'PP-04': {
          enabled: true,
          source: 'Dorset revised guidance',
          every: { n: 2, unit: 'months' },
          betweenEachStatutoryReview: false,
          anchoring: 'chained',
          stopWhen: 'permanenceAchieved',
        },
      },
    })
    const parsed = parsePolicyPack(json)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) {
      return
    }
    const pack = parsed.value
    expect(pack.versions.map(v => v.key)).toEqual([
      'dorset@2011-04-01+national@2011-04-01',
      'dorset@2026-04-01+national@2011-04-01',
    ])
    expect(policyAt(pack, dayNumberOf('2026-03-31')).rules['PP-04'].every).toEqual({ n: 3, unit: 'months' })
    const history = (lastMeeting: string): ReturnType<typeof caseHistory> =>
      caseHistory({
        child: { dateOfBirth: '2015-03-03' },
        periodsOfCare: [{ start: '2025-12-01', end: null, legalStatus: 'C2' }],
        permanenceMeetings: [{ date: lastMeeting }],
      })
    expect(itemFor(evaluate(history('2026-03-31'), '2026-04-15', pack), 'PP-04').due).toBe('2026-06-30')
    expect(itemFor(evaluate(history('2026-04-02'), '2026-04-15', pack), 'PP-04').due).toBe('2026-06-02')
    expect(itemFor(evaluate(history('2026-04-02'), '2026-04-15', pack), 'PP-04').policyVersion).toBe(
      'dorset@2026-04-01+national@2011-04-01',
    )
  })
})
