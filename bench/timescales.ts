/**
 * Benchmark of the timescale engine: `npm run bench:timescales -- --children N [--json]`.
 *
 * Generates N deterministic synthetic case histories (seeded; a realistic mix of s.20, interim and full care orders,
 * placement orders and adoption journeys, several placements, reviews and visits on time and late, proceedings with
 * extensions, 14–17-year-olds for the eligible-child rules, contact suspensions, connected-person placements and
 * private fostering), then evaluates each one fully — every item with its explanation, every legal-route predicate,
 * drift — with nothing cached between children. Generation is not timed. Prints children per second, the p99 time
 * per child, and the peak resident set size (docs/performance.md).
 */
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { type CalendarDay, addCalendarDays, calendarDay } from '../src/domain/shared/calendar-day.ts'
import { createCalendar } from '../src/domain/deadlines/calendar.ts'
import type { CaseHistory } from '../src/domain/timescales/case-history.ts'
import { aggregateDrift, type DriftRow } from '../src/domain/timescales/drift.ts'
import { evaluateCase } from '../src/domain/timescales/evaluate-case.ts'
import { BUILT_IN_POLICY_PACK_IDS, loadBuiltInPolicyPack } from '../src/domain/timescales/policy-packs.ts'

const AS_OF = calendarDay('2026-02-01')

function parseArgs(argv: readonly string[]): { children: number; json: boolean } {
  const args = argv.filter(a => a !== '--')
  let children = 100_000
  const index = args.indexOf('--children')
  if (index >= 0) {
    const value = Number(args[index + 1])
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error('--children needs a positive whole number')
    }
    children = value
  }
  return { children, json: args.includes('--json') }
}

/** Mulberry32: a small, fast, seeded PRNG, so every run generates the same children. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function generate(index: number): CaseHistory {
  const random = prng(0x9e3779b9 ^ (index * 2654435761))
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
  const chance = (p: number): boolean => random() < p
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const add = (d: CalendarDay, n: number): CalendarDay => addCalendarDays(d, n)

  const older = chance(0.3)
  const ageDays = older ? int(14 * 365, 17 * 365 + 300) : int(20, 14 * 365)
  const dateOfBirth = add(AS_OF, -ageDays)
  const lengthOfCare = int(5, Math.min(ageDays - 1, 6 * 365))
  const start = add(AS_OF, -lengthOfCare)
  const legalStatus = pick(['V2', 'V2', 'V2', 'C1', 'C1', 'C2', 'C2', 'C2', 'E1'] as const)
  const adoptionJourney = legalStatus === 'E1' || (legalStatus !== 'V2' && ageDays < 5 * 365 && chance(0.3))
  const history: Mutable<CaseHistory> = {
    child: { dateOfBirth },
    asOf: AS_OF,
    periodsOfCare: [],
    placements: [],
    reviews: [],
    visits: [],
    carePlans: [],
    permanenceMeetings: [],
    permanencePlans: [],
    proceedings: [],
    adoption: null,
    healthAssessments: [],
    personalEducationPlans: [],
    contactSuspensions: [],
    people: [],
    livingHistory: [],
  }
  // An earlier, ended period of care for some older children (T9).
  if (older && chance(0.35)) {
    const earlierStart = add(start, -int(200, 700))
    history.periodsOfCare.push({ start: earlierStart, end: add(earlierStart, int(20, 150)), legalStatus: 'V2' })
  }
  const changes =
    legalStatus === 'C1' && lengthOfCare > 200 && chance(0.5)
      ? [{ on: add(start, int(120, 200)), legalStatus: 'C2' as const }]
      : undefined
  history.periodsOfCare.push({
    start,
    end: chance(0.05) ? add(AS_OF, -int(1, Math.max(1, lengthOfCare - 1))) : null,
    legalStatus,
    ...(changes === undefined ? {} : { legalStatusChanges: changes }),
  })
  const people: Mutable<CaseHistory>['people'] = [
    { id: 'M', relationship: 'mother', isLocalAuthorityFosterParent: false, holdsParentalResponsibility: true },
  ]
  // Placements: one to four moves.
  const moves = int(1, 4)
  let placementStart = start
  for (let m = 0; m < moves; m++) {
    const remaining = lengthOfCare - (Number(new Date(placementStart)) - Number(new Date(start))) / 86_400_000
    const isLast = m === moves - 1 || remaining < 60
    const end = isLast ? null : add(placementStart, int(30, Math.max(31, Math.floor(remaining / 2))))
    const connected = chance(0.2)
    const carerId = `C${m}`
    const type =
      adoptionJourney && isLast && chance(0.6)
        ? pick(['A5', 'A6'] as const)
        : connected
          ? pick(['U1', 'U3'] as const)
          : pick(['U4', 'U6', 'U6', 'K2', 'P1'] as const)
    people.push({
      id: carerId,
      relationship: connected ? pick(['grandparent', 'aunt', 'family-friend'] as const) : 'foster-carer',
      isLocalAuthorityFosterParent: type.startsWith('U'),
      holdsParentalResponsibility: false,
    })
    history.placements.push({
      start: placementStart,
      end,
      placementType: type,
      carerId: type === 'K2' ? null : type === 'P1' ? 'M' : carerId,
      intendedUntil18: type === 'U4' && chance(0.5),
      placementPlanOn: chance(0.85) ? add(placementStart, int(0, 9)) : null,
      ...(connected && type.startsWith('U') && chance(0.5)
        ? {
            connectedPersonApproval: {
              temporaryApprovalOn: placementStart,
              extensions: chance(0.3) ? [{ grantedOn: add(placementStart, 105), weeks: 8 }] : [],
              fullApprovalOn: chance(0.5) ? add(placementStart, int(80, 160)) : null,
            },
          }
        : {}),
    })
    // Visits: roughly 6-weekly, sometimes late.
    let visit = add(placementStart, int(1, 9))
    const stopAt = end ?? AS_OF
    while (visit <= stopAt && visit <= AS_OF) {
      history.visits?.push({ date: visit })
      visit = add(visit, chance(0.85) ? int(25, 42) : int(43, 70))
    }
    if (end === null) {
      break
    }
    placementStart = end
  }
  // Reviews: first at about 20 working days, then 3 and 6 months, some late, one in ten brought forward.
  let review = add(start, chance(0.85) ? int(14, 27) : int(29, 45))
  let n = 0
  while (review <= AS_OF) {
    history.reviews.push({
      date: review,
      ...(chance(0.1) ? { broughtForward: true } : {}),
      ...(ageDays > 16 * 365 && chance(0.3) ? { stayingPutConsidered: true } : {}),
    })
    n++
    review = add(
      review,
      n === 1 ? (chance(0.9) ? int(70, 91) : int(92, 120)) : chance(0.9) ? int(150, 182) : int(183, 220),
    )
  }
  history.carePlans?.push({ date: add(start, int(-3, 14)) })
  if (ageDays > 5 * 365 && ageDays < 16 * 365 && chance(0.9)) {
    history.personalEducationPlans?.push({ date: add(start, int(3, 20)) })
  }
  let health = add(start, int(5, 35))
  while (health <= AS_OF) {
    history.healthAssessments.push({
      date: health,
      kind: history.healthAssessments.length === 0 ? 'initial' : 'review',
    })
    health = add(health, int(150, 400))
  }
  // Permanence planning meetings and plans.
  let ppm = add(start, int(10, 60))
  const options = [
    'reunification',
    'kinship-care',
    'long-term-fostering',
    'special-guardianship-order',
    'adoption',
  ] as const
  let option = pick(options)
  while (ppm <= AS_OF) {
    const next = add(ppm, int(40, 130))
    history.permanenceMeetings.push({ date: ppm, nextBookedOn: chance(0.8) ? next : null })
    if (chance(0.6)) {
      const endorsed = chance(0.7) ? add(ppm, int(1, 20)) : null
      history.permanencePlans.push({
        sentToManagerOn: add(ppm, -int(1, 6)),
        meetingOn: ppm,
        endorsedOn: endorsed !== null && endorsed <= AS_OF ? endorsed : null,
        ratifiedAtReviewOn: null,
        option: adoptionJourney ? 'adoption' : option,
      })
      if (chance(0.15)) {
        option = pick(options)
      }
    }
    ppm = next
  }
  // Proceedings for children in care, some extended.
  if (legalStatus !== 'V2') {
    const issuedOn = add(start, -int(0, 3))
    const long = chance(0.4)
    history.proceedings.push({
      issuedOn,
      extensions: long ? [{ grantedOn: add(issuedOn, 175), weeks: 8 }] : [],
      finalCarePlanFilingOn: add(issuedOn, int(120, 170)),
      concludedOn:
        add(issuedOn, long ? int(190, 260) : int(120, 182)) <= AS_OF
          ? add(issuedOn, long ? int(190, 260) : int(120, 182))
          : null,
    })
  }
  if (adoptionJourney) {
    const placementOrderOn = add(start, int(150, 300))
    const matchedOn = add(placementOrderOn, int(30, 200))
    const placed = history.placements.find(p => p.placementType.startsWith('A'))
    history.adoption = {
      shouldBePlacedDecisionOn: add(start, int(90, 140)),
      placementOrderOn: placementOrderOn <= AS_OF ? placementOrderOn : null,
      matchedOn: matchedOn <= AS_OF ? matchedOn : null,
      placedForAdoptionOn: placed?.start ?? null,
      adoptionOrderOn: null,
      adoptersPersonIds: placed?.carerId === null || placed?.carerId === undefined ? [] : [placed.carerId],
    }
  }
  if (chance(0.06)) {
    const s = add(AS_OF, -int(1, 40))
    history.contactSuspensions.push({ start: s, end: chance(0.6) ? add(s, int(2, 12)) : null })
  }
  // Family network: a grandparent who cared for the child before care.
  if (chance(0.4)) {
    people.push({
      id: 'G',
      relationship: 'grandparent',
      isLocalAuthorityFosterParent: false,
      holdsParentalResponsibility: false,
    })
    const from = add(start, -int(400, 2000))
    history.livingHistory.push({ personId: 'G', from: from < dateOfBirth ? dateOfBirth : from, to: start })
  }
  if (chance(0.05)) {
    people.push({
      id: 'PF',
      relationship: 'family-friend',
      isLocalAuthorityFosterParent: false,
      holdsParentalResponsibility: false,
    })
    const began = add(AS_OF, -int(30, 500))
    history.privateFostering = [
      {
        carerId: 'PF',
        arrangementStartedOn: began,
        notifiedOn: add(began, int(0, 60)),
        visits: [{ date: add(began, int(61, 70)) }],
      },
    ]
  }
  history.people = people
  if (chance(0.1)) {
    history.sgoNotices = [{ personId: people[people.length - 1]?.id ?? 'M', givenOn: add(AS_OF, -int(10, 200)) }]
  }
  return history
}

function main(): void {
  const { children, json } = parseArgs(process.argv.slice(2))
  const calendar = createCalendar()
  const packs = BUILT_IN_POLICY_PACK_IDS.map(id => loadBuiltInPolicyPack(id))
  // Warm up the JIT on children outside the measured set, as a long-running service would be.
  for (let i = 0; i < Math.min(2000, children); i++) {
    evaluateCase(generate(children + i), { policy: packs[i % packs.length]!, calendar })
  }
  // Histories are generated in small batches (not timed), as a service streams children from its database: memory and
  // garbage collection then reflect the engine, not a pile of generated input.
  const BATCH = 50
  const batch: CaseHistory[] = []
  const times = new Float64Array(children)
  const rows: DriftRow[] = new Array<DriftRow>(children)
  let items = 0
  let eligibility = 0
  let explanationChars = 0
  let elapsed = 0
  let cpuMs = 0
  for (let first = 0; first < children; first += BATCH) {
    batch.length = 0
    for (let i = first; i < Math.min(children, first + BATCH); i++) {
      batch.push(generate(i))
    }
    const batchStarted = performance.now()
    const cpuStarted = process.cpuUsage()
    for (let j = 0; j < batch.length; j++) {
      const i = first + j
      const t0 = performance.now()
      const evaluation = evaluateCase(batch[j]!, { policy: packs[i % packs.length]!, calendar })
      times[i] = performance.now() - t0
      items += evaluation.items.length
      eligibility += evaluation.eligibility.length
      // Keep only what the aggregates read, as the service's dashboard query would: the items are not retained.
      const flagged: Pick<(typeof evaluation.items)[number], 'rule' | 'status'>[] = []
      for (const item of evaluation.items) {
        explanationChars += item.explanation.length
        if (item.status === 'overdue' || item.status === 'due-soon' || item.rule === 'PP-01') {
          flagged.push({ rule: item.rule, status: item.status })
        }
      }
      for (const result of evaluation.eligibility) {
        explanationChars += result.explanation.length
      }
      rows[i] = {
        childId: String(i),
        teamId: `T${i % 40}`,
        workerId: `W${i % 900}`,
        drift: evaluation.drift,
        items: flagged,
      }
    }
    elapsed += performance.now() - batchStarted
    const cpu = process.cpuUsage(cpuStarted)
    cpuMs += (cpu.user + cpu.system) / 1000
  }
  const elapsedMs = elapsed
  const aggregateStarted = performance.now()
  const report = aggregateDrift(rows)
  const aggregateMs = performance.now() - aggregateStarted
  times.sort()
  const p99Us = (times[Math.min(children - 1, Math.floor(children * 0.99))] ?? 0) * 1000
  const p50Us = (times[Math.floor(children * 0.5)] ?? 0) * 1000
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  const result = {
    children,
    seconds: Number((elapsedMs / 1000).toFixed(3)),
    cpuSeconds: Number((cpuMs / 1000).toFixed(3)),
    childrenPerSecond: Math.round(children / (elapsedMs / 1000)),
    p50MicrosecondsPerChild: Number(p50Us.toFixed(1)),
    p99MicrosecondsPerChild: Number(p99Us.toFixed(1)),
    peakRssMegabytes: Math.round(peakRssMb),
    items,
    eligibilityResults: eligibility,
    explanationCharacters: explanationChars,
    aggregateMilliseconds: Number(aggregateMs.toFixed(1)),
    overdueItemsInAuthority: report.authority.overdueItems,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
  }
  if (json) {
    console.log(JSON.stringify(result))
    return
  }
  console.log(`Timescale engine: ${children.toLocaleString('en-GB')} children evaluated in ${result.seconds} s`)
  console.log(`  CPU time              ${result.cpuSeconds} s (the process's own user + system time)`)
  console.log(`  children per second   ${result.childrenPerSecond.toLocaleString('en-GB')}`)
  console.log(`  p50 per child         ${result.p50MicrosecondsPerChild} µs`)
  console.log(`  p99 per child         ${result.p99MicrosecondsPerChild} µs`)
  console.log(`  peak memory (RSS)     ${result.peakRssMegabytes} MB`)
  console.log(
    `  items                 ${items.toLocaleString('en-GB')} (${explanationChars.toLocaleString('en-GB')} characters of explanation)`,
  )
  console.log(`  eligibility results   ${eligibility.toLocaleString('en-GB')}`)
  console.log(`  drift aggregation     ${result.aggregateMilliseconds} ms (40 teams, 900 workers)`)
  console.log(`  ${result.node} on ${result.cpu}`)
}

main()
