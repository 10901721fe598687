/**
 * Benchmark of the timescale engine: `npm run bench:timescales -- --children N [--json]`.
 *
 * Generates N deterministic synthetic case histories (seeded; a realistic mix of s.20, interim and full care orders,
 * placement orders and adoption journeys, several placements, reviews and visits on time and late, proceedings with
 * extensions, 14–17-year-olds for the eligible-child rules, contact suspensions, connected-person placements and
 * private fostering), then evaluates each one fully — every item with its explanation, every legal-route predicate,
 * drift — with nothing cached between children. Generation is not timed. Prints children per second, the p99 time
 * per child, and the peak resident set size (docs/performance.md).
 *
 * The target is for one core: run it as `taskset -c 0 npm run bench:timescales -- --children 100000 --json`, so that
 * V8's garbage-collection threads share the core too. `cpusAvailable` in the output says how many CPUs the process
 * could use (`os.availableParallelism()`, which follows `taskset` on Linux): 1 for a one-core figure.
 */
import { availableParallelism, cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { createCalendar } from '../src/domain/deadlines/calendar.ts'
import type { CaseHistory } from '../src/domain/timescales/case-history.ts'
import { aggregateDrift, type DriftRow } from '../src/domain/timescales/drift.ts'
import { evaluateCase } from '../src/domain/timescales/evaluate-case.ts'
import { BUILT_IN_POLICY_PACK_IDS, loadBuiltInPolicyPack } from '../src/domain/timescales/policy-packs.ts'
import { generate } from './synthetic-histories.ts'

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
    cpusAvailable: availableParallelism(),
    cpusOnMachine: cpus().length,
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
  console.log(
    `  CPUs                  ${result.cpusAvailable} of ${result.cpusOnMachine} available to the process (one-core figure: taskset -c 0)`,
  )
}

main()
