#!/usr/bin/env node
// CI's closing line, from Vitest's JSON reports: "N passed, N failed". Fails when a report is missing, when any test
// was skipped, or when the test runner recorded a skipped suite (no Chromium, no PostgreSQL).
import { existsSync, readFileSync } from 'node:fs'

const engines = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['pglite', 'postgres']
let passed = 0
let failed = 0
let problems = []
for (const engine of engines) {
  const report = `reports/vitest-${engine}.json`
  if (!existsSync(report)) {
    problems.push(`no report from the ${engine} run (${report})`)
    continue
  }
  const data = JSON.parse(readFileSync(report, 'utf8'))
  passed += data.numPassedTests
  failed += data.numFailedTests
  if (data.numPendingTests + data.numTodoTests > 0) {
    problems.push(`${data.numPendingTests + data.numTodoTests} test(s) skipped in the ${engine} run`)
  }
  if (data.numFailedTestSuites > 0 && data.numFailedTests === 0) {
    problems.push(`${data.numFailedTestSuites} test file(s) failed to run in the ${engine} run`)
    failed += data.numFailedTestSuites
  }
  const skippedFile = `reports/skipped-${engine}.json`
  for (const { suite, reason } of existsSync(skippedFile) ? JSON.parse(readFileSync(skippedFile, 'utf8')) : []) {
    problems.push(`${suite} skipped in the ${engine} run: ${reason}`)
  }
}
for (const problem of problems) {
  console.log(`CI problem: ${problem}`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || problems.length > 0 ? 1 : 0)
