import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../testing/test-app.ts'
import { matrixShare, runMatrix } from './matrix-runner.ts'
import { buildMatrixWorld, type MatrixWorld } from './matrix-world.ts'

let t: TestApp
let world: MatrixWorld
// Building the world (28 children, each with a care record, an endorsed plan, a meeting and a panel request) takes a
// minute or more on a loaded machine.
beforeAll(async () => {
  t = await startTestApp()
  world = await buildMatrixWorld(t)
}, 240_000)
afterAll(async () => {
  await t.close()
})

const half = matrixShare(1)

describe('authorisation matrix through the API, share 2 of 2 (security SEC-01)', () => {
  it(`checks every role × relationship × sensitivity on ${half.length} routes`, { timeout: 300_000 }, async () => {
    const figures = await runMatrix(t, world, half)
    expect(figures.cells).toBeGreaterThanOrEqual(8 * 4 * 3)
    console.log(
      `authorisation matrix (b): ${figures.routes} routes, ${figures.cells} cells, ${figures.requests} requests`,
    )
  })
})
