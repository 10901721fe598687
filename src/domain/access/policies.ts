/**
 * Who may do what to a child's record: pure policy functions over the user's role, their relationship to the child
 * and the record's sensitivity (security SEC-01, PRIV-01, PRIV-02; house style §6.6).
 *
 * Deny by default: an action is allowed only where a table below says so. Outside a user's scope a record is
 * "not found", exactly as if it did not exist. A restricted record that the user's role and relationship would
 * otherwise let them open, but who is not in its permitted set, needs a typed reason (break-glass), which is audited
 * and reported to the record's owner. A sealed adoption record is visible only to the adoption service and the
 * named permitted set; there is no break-glass into it.
 */

export const ROLES = [
  'social-worker',
  'team-manager',
  'iro',
  'agency-decision-maker',
  'panel-member',
  'qa-auditor',
  'performance-analyst',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  iro: 'Independent Reviewing Officer',
  'agency-decision-maker': 'Agency decision maker',
  'panel-member': 'Panel member',
  'qa-auditor': 'Quality assurance auditor',
  'performance-analyst': 'Performance analyst',
  administrator: 'Administrator',
}

/**
 * The user's relationship to the child. `assigned` means a current, named responsibility for this child: the
 * allocated social worker, the allocated IRO, an auditor assigned the child in an audit round, a member of a panel
 * hearing the child's case. The other relationships are organisational.
 */
export const RELATIONSHIPS = ['assigned', 'same-team', 'same-service', 'none'] as const
export type AccessRelationship = (typeof RELATIONSHIPS)[number]

export const SENSITIVITIES = ['normal', 'restricted', 'sealed'] as const
export type AccessSensitivity = (typeof SENSITIVITIES)[number]

/** Actions on one child's record. */
export const CHILD_ACTIONS = [
  'child:view',
  'child:edit',
  'plan:edit',
  'plan:endorse',
  'plan:ratify',
  'meeting:record',
  'decision:record',
  'audit:view-child-access',
  'restriction:manage',
] as const
export type ChildAction = (typeof CHILD_ACTIONS)[number]

/** Actions that are not about one child. */
export const AUTHORITY_ACTIONS = [
  'child:create',
  'caseload:view',
  'children:search',
  'dashboard:team',
  'dashboard:authority',
  'dashboard:recalculate',
  'returns:export',
  'returns:import',
  'scorecard:configure',
  'timescales:evaluate',
  'qa:manage-rounds',
  'qa:audit',
  'qa:view-briefs',
  'users:manage',
  'restrictions:report',
  'policy:view',
  'policy:manage',
] as const
export type AuthorityAction = (typeof AUTHORITY_ACTIONS)[number]

export type Decision = 'allow' | 'deny' | 'break-glass'

type Grant = Partial<Record<AccessRelationship, true>>

const ORGANISATIONAL: Grant = { assigned: true, 'same-team': true, 'same-service': true }
const TEAM: Grant = { assigned: true, 'same-team': true }
const ASSIGNED: Grant = { assigned: true }
const ANYONE: Grant = { assigned: true, 'same-team': true, 'same-service': true, none: true }

/**
 * For each role, the relationships under which each child action is allowed on a normal record. Absent = deny.
 * Reasons: social workers cover each other's cases within a team (duty, leave) and read across their service;
 * team managers endorse plans for their team; IROs see and ratify only the children they review; the agency decision
 * maker and adoption panel decide for children across the authority; auditors see the children in their sample.
 */
const CHILD_GRANTS: Record<Role, Partial<Record<ChildAction, Grant>>> = {
  'social-worker': {
    'child:view': ORGANISATIONAL,
    'child:edit': TEAM,
    'plan:edit': TEAM,
    'meeting:record': TEAM,
    'audit:view-child-access': TEAM,
  },
  'team-manager': {
    'child:view': ORGANISATIONAL,
    'child:edit': TEAM,
    'plan:edit': TEAM,
    'plan:endorse': TEAM,
    'meeting:record': TEAM,
    'decision:record': TEAM,
    'audit:view-child-access': TEAM,
    // Restricting a record of their team, or lifting it (security PRIV-01).
    'restriction:manage': TEAM,
  },
  iro: {
    'child:view': ASSIGNED,
    'plan:ratify': ASSIGNED,
    'meeting:record': ASSIGNED,
    'audit:view-child-access': ASSIGNED,
  },
  'agency-decision-maker': {
    'child:view': ANYONE,
    'decision:record': ANYONE,
  },
  'panel-member': {
    'child:view': ASSIGNED,
    'decision:record': ASSIGNED,
  },
  'qa-auditor': {
    'child:view': ASSIGNED,
  },
  'performance-analyst': {},
  administrator: {
    'audit:view-child-access': ANYONE,
    'restriction:manage': ANYONE,
  },
}

/** Roles of the adoption service, who may open a sealed adoption record (PRIV-02). */
const ADOPTION_SERVICE_ROLES: ReadonlySet<Role> = new Set<Role>(['agency-decision-maker'])

const AUTHORITY_GRANTS: Record<AuthorityAction, ReadonlySet<Role>> = {
  'child:create': new Set<Role>(['social-worker', 'team-manager']),
  'caseload:view': new Set<Role>([
    'social-worker',
    'team-manager',
    'iro',
    'agency-decision-maker',
    'panel-member',
    'qa-auditor',
  ]),
  'children:search': new Set<Role>([
    'social-worker',
    'team-manager',
    'iro',
    'agency-decision-maker',
    'panel-member',
    'qa-auditor',
  ]),
  'dashboard:team': new Set<Role>(['team-manager']),
  'dashboard:authority': new Set<Role>(['team-manager', 'performance-analyst', 'administrator']),
  // Recomputing the authority dashboard's daily snapshot before the night's run (ADR 0093).
  'dashboard:recalculate': new Set<Role>(['performance-analyst', 'administrator']),
  'returns:export': new Set<Role>(['performance-analyst']),
  'returns:import': new Set<Role>(['administrator']),
  // The authority's adoption scorecard thresholds (issue 8): set by those who report on them.
  'scorecard:configure': new Set<Role>(['performance-analyst', 'administrator']),
  'timescales:evaluate': new Set<Role>(ROLES),
  'qa:manage-rounds': new Set<Role>(['qa-auditor']),
  // Working in an audit round (grading, moderating): what the round allows is decided by decideAuditRoundAccess.
  'qa:audit': new Set<Role>(['qa-auditor']),
  // Learning briefs hold figures and themes, not children: for QA, managers, performance and the authority dashboard.
  'qa:view-briefs': new Set<Role>(['qa-auditor', 'team-manager', 'performance-analyst', 'administrator']),
  'users:manage': new Set<Role>(['administrator']),
  'restrictions:report': new Set<Role>(['administrator', 'team-manager']),
  'policy:view': new Set<Role>(ROLES),
  'policy:manage': new Set<Role>(['administrator']),
}

/** What the policy needs to know about the child's record. */
export interface ChildAccessSubject {
  readonly relationship: AccessRelationship
  readonly sensitivity: AccessSensitivity
  /** The user is the restriction's owner or in its permitted set (meaningful for restricted and sealed records). */
  readonly isInPermittedSet: boolean
}

/**
 * Decides whether a user may take an action on a child's record.
 * @param role - the user's role
 * @param action - what they want to do
 * @param subject - their relationship to the child and the record's sensitivity
 * @returns allow, deny (shown as "not found"), or break-glass (allowed only with a typed reason)
 */
export function decideChildAccess(role: Role, action: ChildAction, subject: ChildAccessSubject): Decision {
  const grant = CHILD_GRANTS[role][action]
  const isGranted = grant?.[subject.relationship] === true
  switch (subject.sensitivity) {
    case 'normal':
      return isGranted ? 'allow' : 'deny'
    case 'restricted':
      if (!isGranted) {
        return 'deny'
      }
      return subject.isInPermittedSet ? 'allow' : 'break-glass'
    case 'sealed':
      if (subject.isInPermittedSet && isGranted) {
        return 'allow'
      }
      return ADOPTION_SERVICE_ROLES.has(role) && isGranted ? 'allow' : 'deny'
  }
}

/**
 * Decides whether a user may take an action that is not about one child.
 * @param role - the user's role
 * @param action - what they want to do
 * @returns allow or deny
 */
export function decideAuthorityAccess(role: Role, action: AuthorityAction): Decision {
  return AUTHORITY_GRANTS[action].has(role) ? 'allow' : 'deny'
}

/** Facts about the user and the child from which the relationship is derived. */
export interface RelationshipFacts {
  readonly userId: string
  readonly userTeamId: string | null
  readonly userServiceId: string | null
  readonly childAllocatedWorkerId: string | null
  readonly childAllocatedIroId: string | null
  readonly childTeamId: string | null
  readonly childServiceId: string | null
  /** Other current assignments (audit round, panel hearing) naming this user for this child. */
  readonly isOtherwiseAssigned: boolean
}

/**
 * Derives the user's relationship to a child.
 * @param facts - who the user is and how the child is allocated
 * @returns the closest relationship that holds
 */
export function relationshipToChild(facts: RelationshipFacts): AccessRelationship {
  if (
    facts.childAllocatedWorkerId === facts.userId ||
    facts.childAllocatedIroId === facts.userId ||
    facts.isOtherwiseAssigned
  ) {
    return 'assigned'
  }
  if (facts.userTeamId !== null && facts.userTeamId === facts.childTeamId) {
    return 'same-team'
  }
  if (facts.userServiceId !== null && facts.userServiceId === facts.childServiceId) {
    return 'same-service'
  }
  return 'none'
}

/**
 * A user's relationships to an audit round: its lead (who set it up), an auditor of some of its cases, a moderator
 * of some. A user may hold several (a lead who also audits); none means the round is not theirs.
 */
export const AUDIT_ROUND_RELATIONSHIPS = ['lead', 'auditor', 'moderator'] as const
export type AuditRoundRelationship = (typeof AUDIT_ROUND_RELATIONSHIPS)[number]

/** Actions within an audit round. Case actions are about one case, for which the relationship is case-specific. */
export const AUDIT_ROUND_ACTIONS = [
  'round:view',
  'round:manage',
  'round:view-brief',
  'case:view',
  'case:grade',
  'case:moderate',
] as const
export type AuditRoundAction = (typeof AUDIT_ROUND_ACTIONS)[number]

const AUDIT_ROUND_GRANTS: Record<AuditRoundAction, ReadonlySet<AuditRoundRelationship>> = {
  // Auditors and moderators see the round, but only their own cases in it (the use case lists only those).
  'round:view': new Set<AuditRoundRelationship>(['lead', 'auditor', 'moderator']),
  'round:manage': new Set<AuditRoundRelationship>(['lead']),
  'round:view-brief': new Set<AuditRoundRelationship>(['lead']),
  'case:view': new Set<AuditRoundRelationship>(['lead', 'auditor', 'moderator']),
  'case:grade': new Set<AuditRoundRelationship>(['auditor']),
  'case:moderate': new Set<AuditRoundRelationship>(['moderator']),
}

/**
 * Decides whether a user may act in an audit round (deny by default: only quality assurance auditors, and only in
 * rounds and cases that name them). For a case, pass the relationships to that case: the round's lead, the case's
 * auditor, the case's moderator.
 * @param role - the user's role
 * @param action - what they want to do
 * @param relationships - how the round (or case) names them
 * @returns allow or deny
 */
export function decideAuditRoundAccess(
  role: Role,
  action: AuditRoundAction,
  relationships: ReadonlySet<AuditRoundRelationship>,
): Decision {
  if (role !== 'qa-auditor') {
    return 'deny'
  }
  return [...relationships].some(r => AUDIT_ROUND_GRANTS[action].has(r)) ? 'allow' : 'deny'
}
