import { describe, expect, it } from 'vitest'
import {
  AUDIT_ROUND_ACTIONS,
  AUDIT_ROUND_RELATIONSHIPS,
  decideAuditRoundAccess,
  decideAuthorityAccess,
  ROLES,
  type AuditRoundAction,
  type AuditRoundRelationship,
} from './policies.ts'

// An independent statement of who may do what in an audit round (issue 9): deny by default.
const EXPECTED: Record<AuditRoundAction, readonly AuditRoundRelationship[]> = {
  'round:view': ['lead', 'auditor', 'moderator'],
  'round:manage': ['lead'],
  'round:view-brief': ['lead'],
  'case:view': ['lead', 'auditor', 'moderator'],
  'case:grade': ['auditor'],
  'case:moderate': ['moderator'],
}

describe('the audit round policy', () => {
  it.each(
    ROLES.flatMap(role =>
      AUDIT_ROUND_ACTIONS.flatMap(action =>
        [...AUDIT_ROUND_RELATIONSHIPS.map(r => [r]), []].map(relationships => ({ role, action, relationships })),
      ),
    ),
  )('$role, $action, $relationships', ({ role, action, relationships }) => {
    const expected = role === 'qa-auditor' && relationships.some(r => EXPECTED[action].includes(r)) ? 'allow' : 'deny'
    expect(decideAuditRoundAccess(role, action, new Set(relationships))).toBe(expected)
  })

  it('lets only QA auditors work in rounds, and QA, managers, analysts and administrators read briefs', () => {
    expect(ROLES.filter(r => decideAuthorityAccess(r, 'qa:audit') === 'allow')).toEqual(['qa-auditor'])
    expect(ROLES.filter(r => decideAuthorityAccess(r, 'qa:manage-rounds') === 'allow')).toEqual(['qa-auditor'])
    expect(ROLES.filter(r => decideAuthorityAccess(r, 'qa:view-briefs') === 'allow')).toEqual([
      'team-manager',
      'qa-auditor',
      'performance-analyst',
      'administrator',
    ])
  })
})
