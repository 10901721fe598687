import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Three projects, by test suffix (house style §6.3): unit (no I/O), int (real database, real HTTP), e2e (browser).
// scripts/test.mjs runs them and reports what was skipped and why.
export default defineConfig({
  test: {
    env: { TZ: 'Europe/London' },
    // Vitest's default on a 2-core machine is one worker (cores − 1), which ran every database test file one after
    // another while the other core idled; the database tests wait on PGlite or the server, so two files at once use
    // both cores (the browser journeys stay one at a time: fileParallelism false below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['src/db/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/specs/**/*.spec.ts'],
          globalSetup: ['src/db/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
