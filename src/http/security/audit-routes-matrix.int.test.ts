import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../testing/test-app.ts'
import { API_PROBES } from './matrix-probes.ts'
import { runMatrix } from './matrix-runner.ts'
import { buildMatrixWorld, type MatrixWorld } from './matrix-world.ts'

// The case-file audit routes (issue 9) through the authorisation matrix on their own, so a change to them is checked
// quickly: every role, and for the child routes every relationship and sensitivity, with one audit event each.
let t: TestApp
let world: MatrixWorld
beforeAll(async () => {
  t = await startTestApp()
  world = await buildMatrixWorld(t)
}, 240_000)
afterAll(async () => {
  await t.close()
})

const routes = Object.keys(API_PROBES).filter(key => key.includes('audit-rounds') || key.includes('audit-actions'))

describe('the case-file audit routes in the authorisation matrix (security SEC-01)', () => {
  it(`allows and refuses exactly as the policies say on ${routes.length} routes`, { timeout: 300_000 }, async () => {
    expect(routes).toHaveLength(15)
    const figures = await runMatrix(t, world, routes)
    expect(figures.routes).toBe(15)
  })
})
