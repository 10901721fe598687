/**
 * The demo authority's planning, built and stored: every stage is present, the demo social worker's caseload holds a
 * child at each stage, drift is there to find, and the same seed builds the same planning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.ts'
import { createTestDatabase } from '../../db/testing/test-database.ts'
import { findSignInCandidate, loadUser } from '../../db/repositories/auth-repository.ts'
import { viewLearningBrief } from '../audits/view-learning-brief.ts'
import { actorFromUser } from '../auth/actor-from-user.ts'
import { createDependencies } from '../shared/default-dependencies.ts'
import { runOperation } from '../shared/run-operation.ts'
import { fixedClock } from '../shared/system-clock.ts'
import { seedDemo } from './seed-demo.ts'

let db: Database

beforeAll(async () => {
  db = await createTestDatabase()
  await seedDemo(db, { children: 120, seed: 11, today: '2026-02-02' as never })
})
afterAll(async () => {
  await db?.close()
})

describe('the demo authority’s planning', () => {
  it('has plans at every stage, permanence achieved by several routes, and decisions with reasons', async () => {
    const statuses = await db.query<{ status: string }>(`SELECT DISTINCT status FROM permanence_plans ORDER BY 1`)
    expect(statuses.map(row => row.status)).toEqual(
      expect.arrayContaining(['considered-at-ppm', 'draft', 'endorsed', 'ratified', 'sent-to-manager', 'superseded']),
    )
    const routes = await db.query<{ route: string }>(
      `SELECT DISTINCT plan->'permanenceAchieved'->>'route' AS route FROM permanence_plans WHERE permanence_achieved_on IS NOT NULL`,
    )
    expect(routes.length).toBeGreaterThanOrEqual(3)
    const late = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM permanence_plans WHERE (plan->'submission'->>'isLate')::boolean`,
    )
    expect(late[0]!.n).toBeGreaterThan(0)
    const reviewsAsMeetings = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM meetings m WHERE kind = 'statutory-review'
         AND EXISTS (SELECT 1 FROM statutory_reviews r WHERE r.id::text = m.statutory_review_ids ->> m.child_id::text)`,
    )
    expect(reviewsAsMeetings[0]!.n).toBeGreaterThan(0)
    const siblingPpms = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM meetings WHERE cardinality(child_ids) > 1`,
    )
    expect(siblingPpms[0]!.n).toBeGreaterThan(0)
  })

  it('gives the demo social worker children at each stage, and leaves drift to find', async () => {
    const rows = await db.query<{ status: string | null }>(
      `SELECT (SELECT p.status FROM permanence_plans p WHERE p.child_id = c.id ORDER BY p.plan_version DESC LIMIT 1) AS status
         FROM children c JOIN users u ON u.id = c.allocated_worker_id
        WHERE u.email = 'social.worker@northshire.example'`,
    )
    const seen = new Set(rows.map(row => row.status ?? 'none'))
    expect([...seen]).toEqual(expect.arrayContaining(['none', 'draft', 'sent-to-manager', 'endorsed']))
    const overdueActions = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM meetings m, jsonb_array_elements(m.meeting->'record'->'actions') a
        WHERE m.status = 'closed' AND (a->>'dueOn') < '2026-02-02'
          AND NOT EXISTS (SELECT 1 FROM action_updates u WHERE u.meeting_id = m.id AND u.action_id = a->>'id')`,
    )
    expect(overdueActions[0]!.n).toBeGreaterThan(0)
    const noContingency = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM permanence_plans WHERE NOT has_viable_contingency`,
    )
    expect(noContingency[0]!.n).toBeGreaterThan(0)
  })
})

describe('the demo authority’s case-file audits (issue 9)', () => {
  it('has a closed autumn round, moderated, and an open spring round part audited that compares with it', async () => {
    const rounds = await db.query<{ title: string; status: string; cases: number; audited: number; moderated: number }>(
      `SELECT r.title, r.status,
          (SELECT count(*)::int FROM audit_cases c WHERE c.round_id = r.id) AS cases,
          (SELECT count(DISTINCT g.case_id)::int FROM audit_gradings g WHERE g.round_id = r.id AND g.stage = 'audit') AS audited,
          (SELECT count(DISTINCT g.case_id)::int FROM audit_gradings g WHERE g.round_id = r.id AND g.stage = 'moderation') AS moderated
         FROM audit_rounds r JOIN authorities a ON a.authority_id = r.authority_id
        WHERE a.code = 'northshire' ORDER BY r.created_on`,
    )
    expect(rounds).toEqual([
      { title: 'Permanence audits, autumn', status: 'closed', cases: 11, audited: 11, moderated: 8 },
      { title: 'Permanence audits, spring', status: 'open', cases: 10, audited: 5, moderated: expect.any(Number) },
    ])
    const open = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM child_assignments WHERE kind = 'audit-round' AND ended_at IS NULL`,
    )
    expect(open[0]!.n).toBeGreaterThan(0)
  })

  it('gives a learning brief computed from the grades that reads like the 2019 brief', async () => {
    const candidate = (await findSignInCandidate(db, 'team.manager@northshire.example'))!
    const user = await db.withAuthority({ authorityId: candidate.authorityId, userId: candidate.userId }, tx =>
      loadUser(tx, candidate.userId),
    )
    const deps = createDependencies(db, fixedClock('2026-02-02T10:00:00Z'))
    const view = await runOperation(
      deps,
      { actor: actorFromUser(user!)!, policy: 'qa:view-briefs', auditAction: 'LEARNING_BRIEF_VIEWED' },
      op => viewLearningBrief(op, 'latest'),
    )
    expect(view?.round.title).toBe('Permanence audits, autumn')
    expect(view?.brief.moderationPercent).toBe(73)
    expect(view?.brief.domains.every(d => d.graded === 11)).toBe(true)
    expect(view?.brief.strengthThemes.length).toBeGreaterThan(0)
  })
})
