/**
 * `npm run bench:returns -- --children 20000`: the SSDA903 import and export of a synthetic authority through the
 * real embedded database (PGlite in a data folder), timed as the commands run them. Prints the figures that
 * docs/performance.md "National returns" records.
 *
 * 1. (untimed) Synthetic children (generateSyntheticFacts), their 2024/25–2026/27 returns written as CSV folders.
 * 2. Import: read the folders, parse, stitch and write every child (one audited transaction per child).
 * 3. Export: the 2026/27 return from the database, validated, written as CSV files with failures.csv.
 * 4. (reported) A second import of the same folders: nothing to write.
 *
 * `--timescales` also recomputes each imported child's due dates in the import's transactions, as the command does
 * unless told `--no-timescales`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chooseAuthority, commandLineActor } from '../src/app/returns/command-line-actor.ts'
import { exportSsda903Return } from '../src/app/returns/export-ssda903-return.ts'
import { importSsda903Returns, type Ssda903Folder } from '../src/app/returns/import-ssda903-returns.ts'
import { returnFiles } from '../src/app/returns/return-files.ts'
import { returnFolders } from '../src/app/returns/testing/return-folders.ts'
import { createDependencies } from '../src/app/shared/default-dependencies.ts'
import { runOperation } from '../src/app/shared/run-operation.ts'
import { fixedClock } from '../src/app/shared/system-clock.ts'
import { afterCareRecordsWritten } from '../src/app/timescales/after-care-record-change.ts'
import pg from 'pg'
import { openPglite, openPostgres } from '../src/db/client.ts'
import { migrate } from '../src/db/migrate.ts'
import { generateSyntheticFacts } from '../src/domain/returns/synthetic-facts.ts'
import type { CalendarDay } from '../src/domain/shared/calendar-day.ts'

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '2026' },
    keep: { type: 'boolean', default: false },
    // As `permanence import ssda903` does by default: recompute every imported child's due dates in the same
    // transactions (the timescale engine).
    timescales: { type: 'boolean', default: false },
    // For comparison: a PostgreSQL server (a fresh database is created on it and dropped afterwards).
    'database-url': { type: 'string' },
    // Batches written at once (default: the import's own choice, 2 on a server and 1 on PGlite).
    parallel: { type: 'string' },
    // Writes a V8 CPU profile of the import alone to this file (open it in Chrome's DevTools).
    profile: { type: 'string' },
  },
})
const children = Number(values.children)

async function startProfile() {
  const session = new Session()
  session.connect()
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
    )
  await post('Profiler.enable')
  await post('Profiler.setSamplingInterval', { interval: 500 })
  await post('Profiler.start')
  return {
    stop: async () => {
      const { profile } = await post<{ profile: object }>('Profiler.stop')
      session.disconnect()
      return profile
    },
  }
}
const YEARS = [2025, 2026, 2027]

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 50)
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const seconds = (ms: number) => (ms / 1000).toFixed(1)

const work = mkdtempSync(join(tmpdir(), 'permanence-bench-returns-'))
try {
  console.log(`Generating ${children} synthetic children and their ${YEARS.join(', ')} returns …`)
  const facts = generateSyntheticFacts({
    seed: Number(values.seed),
    children,
    earliest: '2024-04-01' as CalendarDay,
    asOf: '2027-03-31' as CalendarDay,
  })
  for (const folder of returnFolders(facts, YEARS)) {
    const dir = join(work, 'in', folder.label)
    mkdirSync(dir, { recursive: true })
    for (const file of folder.files) {
      writeFileSync(join(dir, file.name), file.text)
    }
  }
  const serverUrl = values['database-url']
  const benchDatabase = `permanence_bench_${process.pid}`
  const withDatabase = (url: string, name: string) => {
    const parsed = new URL(url)
    parsed.pathname = `/${name}`
    return parsed.toString()
  }
  if (serverUrl !== undefined) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${benchDatabase}`)
    await admin.end()
  }
  const db =
    serverUrl === undefined
      ? await openPglite({ dataDir: join(work, 'pglite') })
      : await openPostgres(withDatabase(serverUrl, benchDatabase))
  console.log(`Database: ${db.kind}`)
  await migrate(db)
  const deps = createDependencies(db, fixedClock('2027-05-03T10:00:00Z'))
  const authority = await chooseAuthority(db, { code: 'benchshire', createName: 'Benchshire' })
  const importer = await commandLineActor(db, authority, 'administrator')
  const analyst = await commandLineActor(db, authority, 'performance-analyst')
  const readFolders = (): Ssda903Folder[] =>
    YEARS.map(year => {
      const dir = join(work, 'in', `ssda903-${year}`)
      return {
        label: dir,
        year,
        files: readdirSync(dir).map(name => ({ name, text: readFileSync(join(dir, name), 'utf8') })),
      }
    })

  peakRss = process.memoryUsage().rss
  let cpu = process.cpuUsage()
  const cpuSeconds = () => {
    const used = process.cpuUsage(cpu)
    return ((used.user + used.system) / 1e6).toFixed(1)
  }
  const profiler = values.profile === undefined ? undefined : await startProfile()
  let started = performance.now()
  const report = await importSsda903Returns(deps, importer, readFolders(), {
    ...(values.timescales ? { afterChildrenWritten: afterCareRecordsWritten } : {}),
    progressEvery: 5000,
    ...(values.parallel === undefined ? {} : { parallelBatches: Number(values.parallel) }),
    onProgress: p =>
      console.error(
        p.done === 0
          ? `  read and stitched the files (${seconds(performance.now() - started)} s)`
          : `  imported ${p.done} of ${p.total} children (${seconds(performance.now() - started)} s)`,
      ),
  })
  const importMs = performance.now() - started
  if (profiler !== undefined) {
    writeFileSync(values.profile!, JSON.stringify(await profiler.stop()))
  }
  const importCpu = cpuSeconds()
  const importPeak = peakRss
  const counts = report.counts
  console.log(
    `Import${values.timescales ? ' (with due dates recomputed)' : ''}: ${seconds(importMs)} s for ${counts.childrenImported} children ` +
      `(${Math.round(counts.childrenImported / (importMs / 1000))} children/s; created ${counts.childrenCreated}, ` +
      `rejected ${counts.childrenRejected}); CPU ${importCpu} s; peak RSS ${mb(importPeak)}`,
  )

  peakRss = process.memoryUsage().rss
  cpu = process.cpuUsage()
  started = performance.now()
  const built = await runOperation(
    deps,
    { actor: analyst, policy: 'returns:export', auditAction: 'SSDA903_RETURN_EXPORTED' },
    op => exportSsda903Return(op, { year: 2027 }),
  )
  const out = join(work, 'out')
  mkdirSync(out)
  for (const file of returnFiles(built)) {
    writeFileSync(join(out, file.name), file.text)
  }
  const exportMs = performance.now() - started
  console.log(
    `Export: ${seconds(exportMs)} s for ${built.childCount} children in the 2026/27 return ` +
      `(${Math.round(built.childCount / (exportMs / 1000))} children/s; ${built.failures.length} failures); ` +
      `CPU ${cpuSeconds()} s; peak RSS ${mb(peakRss)}`,
  )

  started = performance.now()
  const again = await importSsda903Returns(deps, importer, readFolders())
  console.log(
    `Second import of the same folders: ${seconds(performance.now() - started)} s, ` +
      `${again.counts.childrenUnchanged} unchanged, ${again.childIdsWritten.length} written`,
  )
  await db.close()
  if (serverUrl !== undefined) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE ${benchDatabase} WITH (FORCE)`)
    await admin.end()
  }
  clearInterval(sampler)
  console.log(
    `Load average (1, 5, 15 min): ${loadavg()
      .map(n => n.toFixed(1))
      .join(', ')}`,
  )
  console.log(
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; ` +
      `peak RSS overall ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))}`,
  )
} finally {
  clearInterval(sampler)
  if (!values.keep) {
    rmSync(work, { recursive: true, force: true })
  }
}
