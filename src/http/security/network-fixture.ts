/**
 * One record of each network kind for a security fixture child (issue 7), so the matrix and isolation tests can
 * probe every network route with a real record id. Keys are `network/<kind>`, as the probes expect.
 */

/**
 * Records one of each kind of network record for a child.
 * @param post - posts to the child's API (`/network/<kind>`) and returns the created body
 * @param childId - the child
 * @param siblingId - a brother or sister already linked to the child
 * @param personId - someone in the child's network
 * @returns the ids by `network/<kind>`
 */
export async function addNetworkFixture(
  post: (path: string, body: unknown) => Promise<{ id?: string }>,
  childId: string,
  siblingId: string,
  personId: string,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  const add = async (kind: string, body: unknown) => {
    const created = await post(`/network/${kind}`, body)
    if (!created.id) {
      throw new Error(`Network fixture: ${kind} was not created: ${JSON.stringify(created)}`)
    }
    ids[`network/${kind}`] = created.id
  }
  await add('family-meetings', { kind: 'family-network-meeting', heldOn: '2025-07-02', attendeePersonIds: [personId] })
  await add('kinship-assessments', { personId, kind: 'viability', startedOn: '2025-07-03' })
  await add('sgo-notices', { personId, givenOn: '2025-07-04' })
  await add('sibling-assessments', {
    childIds: [childId, siblingId],
    assessedOn: '2025-07-05',
    pairs: [{ childId, siblingChildId: siblingId, outcome: 'apart', reasons: 'Security fixture' }],
  })
  await add('family-time-plans', {
    personId,
    mode: 'indirect',
    sessionsPerPeriod: 1,
    period: 'month',
    supervision: 'not-applicable',
    purpose: 'Security fixture',
    startedOn: '2025-07-01',
  })
  const planId = ids['network/family-time-plans']
  await add('family-time-sessions', { planId, occurredOn: '2025-07-06', outcome: 'attended' })
  await add('family-time-suspensions', {
    planId,
    suspendedOn: '2025-07-07',
    resumedOn: '2025-07-08',
    reason: 'Security fixture',
  })
  await add('life-story-work', {
    kind: 'life-story-book',
    owner: 'Security fixture',
    dueOn: '2025-08-01',
    status: 'not-started',
  })
  return ids
}
