import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideChildAccess, ROLES } from '../../domain/access/policies.ts'
import { apiClient, startTestApp, type TestApp } from '../testing/test-app.ts'
import { matrixShare, runMatrix } from './matrix-runner.ts'
import { buildMatrixWorld, type MatrixWorld } from './matrix-world.ts'

// The authorisation matrix runs in two files (this one: the share 1 of 2, in order) so the two halves
// use both cores.
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

const half = matrixShare(0)

describe('authorisation matrix through the API, share 1 of 2 (security SEC-01)', () => {
  it(`checks every role × relationship × sensitivity on ${half.length} routes`, { timeout: 300_000 }, async () => {
    const figures = await runMatrix(t, world, half)
    expect(figures.cells).toBeGreaterThanOrEqual(8 * 4 * 5)
    console.log(
      `authorisation matrix (a): ${figures.routes} routes, ${figures.cells} cells, ${figures.requests} requests`,
    )
  })

  it('lists in search exactly the children each role may open without breaking the glass', async () => {
    for (const role of ROLES) {
      const response = await apiClient(t.baseUrl, world.users[role].token).post<{ children: { id: string }[] }>(
        '/api/v1/children/search',
        { q: 'Matrixling' },
      )
      if (response.status === 403) {
        continue
      }
      const expected = world.children
        .filter(
          c =>
            decideChildAccess(role, 'child:view', {
              relationship: c.relationship,
              sensitivity: c.variant.sensitivity,
              isInPermittedSet: c.variant.isPermitted,
            }) === 'allow',
        )
        .map(c => c.childId)
        .sort()
      const found = response.body.children.map(c => c.id).filter(id => world.children.some(c => c.childId === id))
      expect({ role, ids: found.sort() }).toEqual({ role, ids: expected })
    }
  })
})
