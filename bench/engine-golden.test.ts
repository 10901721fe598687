/**
 * Golden test for the timescale engine: the full JSON output (every item with its explanation, every eligibility
 * result, drift and meta) for several hundred deterministic synthetic histories must stay byte-identical. It guards
 * performance work on the engine (docs/performance.md): an optimisation may change how an answer is computed, never
 * the answer.
 *
 * Inputs: the benchmark's own histories (bench/synthetic-histories.ts `generate`) and a second generator that reaches
 * every optional field and the awkward corners (`generateVaried`: evaluation days from 2012 to 2031, leap-day births,
 * children over 18, adoption disruptions, several proceedings, private fostering, Tameside's event meetings…), each
 * evaluated under the four built-in packs and two test packs with several versions (a national pack with the 28
 * February leap-day setting, a local pack that sets every local rule another way).
 *
 * The expected output is stored as one short SHA-256 per history (engine-golden.snapshot.json), so a failure names the
 * histories that changed. After a deliberate change of answers, regenerate it with
 * `UPDATE_GOLDEN=1 npx vitest run --project unit bench/engine-golden.test.ts` and say why in the commit.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { generate, generateVaried } from './synthetic-histories.ts'
import { createCalendar } from '../src/domain/deadlines/calendar.ts'
import { type CaseHistory, parseCaseHistory } from '../src/domain/timescales/case-history.ts'
import { evaluateCase } from '../src/domain/timescales/evaluate-case.ts'
import type { PolicyPack } from '../src/domain/timescales/policy-pack.ts'
import {
  BUILT_IN_POLICY_PACK_IDS,
  builtInPolicyPackJson,
  loadBuiltInPolicyPack,
  parsePolicyPack,
} from '../src/domain/timescales/policy-packs.ts'

const SNAPSHOT = new URL('./engine-golden.snapshot.json', import.meta.url)
const BENCH_HISTORIES = 300
const VARIED_HISTORIES = 400

function parsed(json: unknown): PolicyPack {
  const pack = parsePolicyPack(json)
  if (!pack.ok) {
    throw new Error(`test pack should parse: ${JSON.stringify(pack.errors)}`)
  }
  return pack.value
}

// A root pack with two versions: the 28 February leap-day reading, then (from 1 September 2019) a different due-soon
// window and different statutory periods, so version lookup by trigger date matters.
function nationalVariant(): PolicyPack {
  const json = builtInPolicyPackJson('national') as {
    id: string
    versions: { effectiveFrom: string; settings: Record<string, unknown>; rules: Record<string, unknown> }[]
  }
  const first = json.versions[0]!
  json.id = 'national-variant'
  first.settings.leapDayBirthdaysOn = '02-28'
  const rules = first.rules as Record<string, Record<string, unknown>>
  json.versions.push({
    ...first,
    effectiveFrom: '2019-09-01',
    settings: { dueSoon: { n: 14, unit: 'calendarDays' } },
    rules: {
      'REV-03': { ...rules['REV-03'], period: { n: 26, unit: 'weeks' } },
      'VIS-01': { ...rules['VIS-01'], first: { n: 5, unit: 'workingDays', countTriggerDay: true } },
      'HLT-02': { ...rules['HLT-02'], from5Interval: { n: 1, unit: 'years' } },
      'PF-04': { ...rules['PF-04'], laterInterval: { n: 3, unit: 'months' } },
    },
  })
  return parsed(json)
}

// A local pack that sets every local rule, in ways the built-in packs do not, with a second version from 2022.
function localVariant(): PolicyPack {
  const source = 'Golden test pack'
  return parsed({
    schemaVersion: 1,
    id: 'local-variant',
    name: 'Golden test authority',
    extends: 'national',
    versions: [
      {
        effectiveFrom: '2011-04-01',
        label: 'First',
        source,
        rules: {
          'PP-02': { enabled: true, source, period: { n: 10, unit: 'workingDays', countTriggerDay: true } },
          'PP-03': { enabled: true, source, period: { n: 3, unit: 'workingDays' } },
          'PP-04': {
            enabled: true,
            source,
            readingConfirmed: false,
            every: { n: 2, unit: 'months', unitConfirmed: false },
            betweenEachStatutoryReview: true,
            anchoring: 'anchored',
            stopWhen: 'matched',
          },
          'PP-05': { enabled: true, source, interval: { n: 6, unit: 'months' } },
          'PP-06': {
            enabled: true,
            source,
            beforeLegalGateway: true,
            beforePermanencePanel: true,
            preBirth: true,
            beforeFinalCarePlan: { n: 15, unit: 'workingDays' },
            lookBack: { n: 1, unit: 'months' },
            immediatelyAfter: { n: 3, unit: 'calendarDays' },
            onNonWorkingDay: 'keep',
          },
          'PP-07': { enabled: true, source },
          'PP-10': { enabled: true, source, interval: { n: 1, unit: 'years' } },
          'LTF-03': { enabled: true, source },
          'REV-05': { enabled: true, source, age: 17, fosterCareOnly: false, targetBeforeBirthday: true },
        },
        actions: { 'REV-01': ['Tell the IRO'], 'VIS-01': ['Record the visit', 'See the child alone'] },
      },
      {
        effectiveFrom: '2022-01-01',
        label: 'Second',
        source,
        settings: { dueSoon: { n: 1, unit: 'months' } },
        rules: {
          'PP-01': {
            enabled: true,
            source,
            note: 'A note.',
            relation: 'before',
            evidence: ['endorsedOn'],
            requiresPermanenceMeeting: true,
            optionsSufficeInProceedings: true,
            restartPerPeriodOfCare: false,
          },
          'PP-04': {
            enabled: true,
            source,
            every: { n: 8, unit: 'weeks' },
            betweenEachStatutoryReview: false,
            anchoring: 'chained',
            stopWhen: 'permanenceAchieved',
          },
          'PP-07': { enabled: false, source, note: 'Not any more.' },
        },
        actions: { 'KIT-01': ['Consult Legal'] },
      },
    ],
  })
}

const calendar = createCalendar()
const packs: PolicyPack[] = [
  ...BUILT_IN_POLICY_PACK_IDS.map(id => loadBuiltInPolicyPack(id)),
  nationalVariant(),
  localVariant(),
]

function digest(history: CaseHistory): string {
  const hash = createHash('sha256')
  for (const policy of packs) {
    hash.update(JSON.stringify(evaluateCase(history, { policy, calendar })))
    hash.update('\n')
  }
  return hash.digest('hex').slice(0, 16)
}

function goldenDigests(): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < BENCH_HISTORIES; i++) {
    out[`bench-${i}`] = digest(generate(i))
  }
  for (let i = 0; i < VARIED_HISTORIES; i++) {
    const history = parseCaseHistory(generateVaried(i))
    if (!history.ok) {
      throw new Error(`varied history ${i} should be valid: ${JSON.stringify(history.errors)}`)
    }
    out[`varied-${i}`] = digest(history.value)
  }
  return out
}

describe('timescale engine golden output (docs/performance.md)', () => {
  test('every item, eligibility result, drift measure and meta is byte-identical for 700 synthetic histories × 6 packs', () => {
    const actual = goldenDigests()
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`)
    }
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>
    const changed = Object.keys({ ...expected, ...actual }).filter(key => expected[key] !== actual[key])
    expect(changed).toEqual([])
  }, 120_000)
})
