#!/usr/bin/env node
// The test command (`npm test`). Runs every suite that this machine can run and says plainly which it skipped and why:
//   unit  – pure code, always;
//   int   – real database and real HTTP: on embedded PostgreSQL (PGlite), or on a PostgreSQL server when
//           TEST_DATABASE_URL is set;
//   e2e   – browser journeys in Debian's Chromium, when it is installed.
// Vitest writes a JSON report to reports/ that .ci/run reads for its closing line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromium)
const databaseUrl = process.env.TEST_DATABASE_URL
const engine = databaseUrl ? 'postgres' : 'pglite'
// PERMANENCE_TEST_PROJECTS=int runs only the named suites (CI's second run, on the PostgreSQL server: the unit suite
// touches no database and the browser journeys ran on the first; docs/adr/0092-ci-runs-the-database-suites-twice.md).
const only = (process.env.PERMANENCE_TEST_PROJECTS ?? '').split(',').filter(Boolean)
const projects = ['unit', 'int', ...(hasChromium ? ['e2e'] : [])].filter(p => only.length === 0 || only.includes(p))
const skipped = []
if (!hasChromium && (only.length === 0 || only.includes('e2e'))) {
  skipped.push({
    suite: 'e2e (browser journeys and accessibility checks)',
    reason: `Chromium was not found at ${chromium}; install it with "apt-get install chromium" (or set CHROMIUM_PATH)`,
  })
}

mkdirSync('reports', { recursive: true })
const report = `reports/vitest-${engine}.json`
console.log(
  `Running ${projects.join(', ')} tests on ${databaseUrl ? 'a PostgreSQL server (TEST_DATABASE_URL)' : 'embedded PostgreSQL (PGlite)'}.`,
)
const args = [
  'vitest',
  'run',
  ...projects.flatMap(p => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]
const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/London' } })

writeFileSync(`reports/skipped-${engine}.json`, JSON.stringify(skipped, null, 2))
console.log('')
if (!databaseUrl) {
  console.log(
    'Database suites ran on embedded PostgreSQL (PGlite). To run them on a PostgreSQL server as well, set TEST_DATABASE_URL=postgres://… (CI does).',
  )
}
for (const { suite, reason } of skipped) {
  console.log(`SKIPPED: ${suite}: ${reason}.`)
}
process.exit(result.status ?? 1)
