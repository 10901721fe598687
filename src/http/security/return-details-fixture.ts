/**
 * One return detail of each kind for a security fixture child (issue 8 §3), so the matrix and isolation tests can
 * probe every return details route with a real record id. Keys are `return-details/<kind>`, as the probes expect.
 * The child must be looked after from 2025-06-01 or before (a missing episode is recorded on 2025-07-10).
 */

/**
 * Records one of each kind of return detail for a child.
 * @param post - posts to the child's API (`/return-details/<kind>`) and returns the created body
 * @returns the ids by `return-details/<kind>`
 */
export async function addReturnDetailsFixture(
  post: (path: string, body: unknown) => Promise<{ id?: string }>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  const add = async (kind: string, body: unknown) => {
    const created = await post(`/return-details/${kind}`, body)
    if (!created.id) {
      throw new Error(`Return details fixture: ${kind} was not created: ${JSON.stringify(created)}`)
    }
    ids[`return-details/${kind}`] = created.id
  }
  await add('missing-episodes', { kind: 'missing', startedOn: '2025-07-10', returnedOn: '2025-07-11' })
  await add('health-outcomes', { collectionYear: 2026, sdqScore: 10 })
  await add('care-leaver-outcomes', {
    collectionYear: 2026,
    contact: 'in-touch',
    activity: 'not-applicable',
    accommodation: 'not-applicable',
  })
  await add('deprivation-of-liberty-orders', { startedOn: '2025-08-01' })
  return ids
}
