/**
 * Runs one user action as one transaction, authorised and audited (security D2, AUD-01, AUD-02, SEC-01).
 *
 * Every adapter (API route, web page, CLI command) calls {@link runOperation} with the action's declared policy and
 * audit event name. Inside, the use case authorises itself first ({@link authoriseChild} / {@link authoriseAuthority}),
 * which records the decision; then it does its work on `op.tx`. On success exactly one audit event is written in the
 * same transaction before it commits: if that write fails, nothing is committed and the caller gets
 * {@link AuditUnavailableError}. On a refusal (not found, denied, invalid, stale) the transaction is rolled back and
 * one audit event with that outcome is written on its own.
 *
 * The route's declared policy and the policy the use case actually checked must agree; a use case that checks
 * nothing, or something else, is a programming error and the request fails (the route-table test exercises this).
 */
import type { Tx } from '../../db/client.ts'
import { loadChildAccessFacts, type ChildAccessFacts } from '../../db/repositories/access-repository.ts'
import {
  decideAuthorityAccess,
  decideChildAccess,
  relationshipToChild,
  type AuthorityAction,
  type ChildAction,
  type Decision,
} from '../../domain/access/policies.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Actor } from './actor.ts'
import type { AppDependencies } from './dependencies.ts'
import {
  AppError,
  AuditUnavailableError,
  BreakGlassRequiredError,
  ForbiddenError,
  NotFoundError,
  type AuditOutcome,
} from './errors.ts'

/** The policy a route declares: a child action, an authority action, or `public` for routes with no personal data. */
export type PolicyKey = ChildAction | AuthorityAction | 'public' | 'self'

/** What the adapter knows about the request. */
export interface OperationRequest {
  readonly actor: Actor
  /** The declared policy; the use case must check exactly this. */
  readonly policy: PolicyKey
  /** The audit event name, UPPER_SNAKE past tense (e.g. CHILD_RECORD_VIEWED). */
  readonly auditAction: string
  readonly purpose?: string | null
  readonly breakGlassReason?: string | null
  readonly clientAddress?: string | null
  readonly requestId?: string | null
  readonly method?: string | null
  readonly route?: string | null
}

/** The context a use case runs in. */
export interface Operation {
  readonly tx: Tx
  readonly actor: Actor
  readonly today: CalendarDay
  readonly now: Date
  readonly deps: AppDependencies
  readonly request: OperationRequest
  /** Names the child this action concerns, for the audit event. */
  concernsChild(childId: string): void
  /** Adds detail to the audit event (ids returned by a search, the fields changed …). No names or free text. */
  addAuditDetail(key: string, value: unknown): void
  /** Records which policy was checked and what was decided. */
  recordPolicyCheck(policy: PolicyKey, decision: Decision): void
}

interface OperationState {
  childId: string | null
  details: Record<string, unknown>
  checked: PolicyKey[]
  breakGlassUsed: boolean
}

function makeOperation(
  tx: Tx,
  deps: AppDependencies,
  request: OperationRequest,
  state: OperationState,
  now: Date,
): Operation {
  return {
    tx,
    actor: request.actor,
    today: deps.clock.today(),
    now,
    deps,
    request,
    concernsChild: childId => {
      state.childId = childId
    },
    addAuditDetail: (key, value) => {
      state.details[key] = value
    },
    recordPolicyCheck: (policy, decision) => {
      state.checked.push(policy)
      if (decision === 'break-glass') {
        state.breakGlassUsed = true
      }
    },
  }
}

async function writeAudit(
  deps: AppDependencies,
  tx: Tx,
  request: OperationRequest,
  state: OperationState,
  outcome: AuditOutcome,
): Promise<void> {
  await deps.writeAuditEvent(tx, {
    authorityId: request.actor.authorityId,
    userId: request.actor.userId,
    role: request.actor.role,
    childId: state.childId,
    action: request.auditAction,
    purpose: request.purpose ?? null,
    outcome,
    clientAddress: request.clientAddress ?? null,
    requestId: request.requestId ?? null,
    method: request.method ?? null,
    route: request.route ?? null,
    breakGlassReason: state.breakGlassUsed ? (request.breakGlassReason ?? null) : null,
    details: state.breakGlassUsed ? { ...state.details, breakGlass: true } : state.details,
  })
}

class AuditWriteFailure extends Error {
  override readonly name = 'AuditWriteFailure'
}

/**
 * Runs a use case as one audited, authorised transaction.
 * @param deps - the application's dependencies
 * @param request - who is acting, the declared policy and audit event, request metadata
 * @param work - the use case body
 * @returns what the use case returns
 */
export async function runOperation<T>(
  deps: AppDependencies,
  request: OperationRequest,
  work: (op: Operation) => Promise<T>,
): Promise<T> {
  const state: OperationState = { childId: null, details: {}, checked: [], breakGlassUsed: false }
  const now = new Date(deps.clock.now())
  try {
    return await deps.db.withAuthority(
      { authorityId: request.actor.authorityId, userId: request.actor.userId },
      async tx => {
        const result = await work(makeOperation(tx, deps, request, state, now))
        if (request.policy !== 'public' && !state.checked.includes(request.policy)) {
          throw new Error(
            `Route policy ${request.policy} was not checked by the use case (it checked: ${state.checked.join(', ') || 'nothing'})`,
          )
        }
        try {
          await writeAudit(deps, tx, request, state, 'success')
        } catch (error) {
          throw new AuditWriteFailure('audit write failed', { cause: error })
        }
        return result
      },
    )
  } catch (error) {
    if (error instanceof AuditWriteFailure) {
      throw new AuditUnavailableError(error.cause)
    }
    const outcome: AuditOutcome = error instanceof AppError ? error.outcome : 'error'
    try {
      await deps.db.withAuthority({ authorityId: request.actor.authorityId, userId: request.actor.userId }, tx =>
        writeAudit(deps, tx, request, state, outcome),
      )
    } catch (auditError) {
      throw new AuditUnavailableError(auditError)
    }
    throw error
  }
}

/** What authorisation learned about a child; use cases reuse it rather than re-reading. */
export interface ChildAccess {
  readonly childId: string
  readonly decision: Decision
  /** What the decision was made on, for the operation's further decisions about the same child (not read again). */
  readonly facts: ChildAccessFacts
}

function decide(actor: Actor, facts: ChildAccessFacts, action: ChildAction): Decision {
  return decideChildAccess(actor.role, action, {
    relationship: relationshipOf(actor, facts),
    sensitivity: facts.sensitivity,
    // A sealed adoption record is open only to the adoption service and those named on it: the pre-adoption
    // allocation gives no access (security PRIV-02, docs/adr/0045-sealing-on-adoption-order.md).
    isInPermittedSet:
      facts.sensitivity === 'sealed'
        ? facts.permittedUserIds.includes(actor.userId)
        : facts.restrictionOwnerId === actor.userId ||
          facts.permittedUserIds.includes(actor.userId) ||
          facts.allocatedWorkerId === actor.userId ||
          facts.allocatedIroId === actor.userId,
  })
}

function relationshipOf(actor: Actor, facts: ChildAccessFacts) {
  return relationshipToChild({
    userId: actor.userId,
    userTeamId: actor.teamId,
    userServiceId: actor.serviceId,
    childAllocatedWorkerId: facts.allocatedWorkerId,
    childAllocatedIroId: facts.allocatedIroId,
    childTeamId: facts.teamId,
    childServiceId: facts.serviceId,
    isOtherwiseAssigned: facts.isOtherwiseAssigned,
  })
}

/**
 * Authorises an action on a child's record. A record the user may not see is reported as not found, exactly as a
 * record that does not exist. A restricted record the user could otherwise open needs a break-glass reason.
 * @param op - the operation
 * @param childId - the child
 * @param action - what the user wants to do
 * @returns the decision, when allowed
 * @throws NotFoundError when the child does not exist or the user may not know of them
 * @throws BreakGlassRequiredError when a reason is needed and none was given
 */
export async function authoriseChild(op: Operation, childId: string, action: ChildAction): Promise<ChildAccess> {
  op.concernsChild(childId)
  const [facts] = await loadChildAccessFacts(op.tx, op.actor.userId, [childId])
  if (!facts) {
    op.recordPolicyCheck(action, 'deny')
    throw new NotFoundError('Child')
  }
  const decision = decide(op.actor, facts, action)
  op.recordPolicyCheck(action, decision)
  if (decision === 'deny') {
    throw new NotFoundError('Child')
  }
  if (decision === 'break-glass') {
    const reason = op.request.breakGlassReason?.trim() ?? ''
    if (reason.length < BREAK_GLASS_MINIMUM_REASON) {
      throw new BreakGlassRequiredError(childId)
    }
    op.addAuditDetail('relationship', relationshipOf(op.actor, facts))
  }
  return { childId, decision, facts }
}

/** The shortest break-glass reason accepted: enough to say why, not a single word. */
export const BREAK_GLASS_MINIMUM_REASON = 10

/**
 * Which of a set of children the user may view in lists and searches. Restricted records the user could only break
 * into are left out (PRIV-01: absent from search for non-permitted users).
 * @param op - the operation
 * @param childIds - candidate children
 * @returns the ids the user may view
 */
export async function filterViewableChildren(op: Operation, childIds: readonly string[]): Promise<Set<string>> {
  const facts = await loadChildAccessFacts(op.tx, op.actor.userId, childIds)
  return new Set(viewableOf(op, facts).map(f => f.childId))
}

/**
 * {@link filterViewableChildren} on access facts the caller has just read with its own columns (the caseload reads
 * them in the same query as what it sorts by).
 * @param op - the operation
 * @param facts - the children's access facts, read in this operation
 * @returns those the user may view in lists, in the same order
 */
export function viewableOf<T extends ChildAccessFacts>(op: Operation, facts: readonly T[]): T[] {
  return facts.filter(f => decide(op.actor, f, 'child:view') === 'allow')
}

/**
 * Authorises an action that is not about one child.
 * @param op - the operation
 * @param action - the action
 * @throws ForbiddenError when the role may not
 */
export function authoriseAuthority(op: Operation, action: AuthorityAction): void {
  const decision = decideAuthorityAccess(op.actor.role, action)
  op.recordPolicyCheck(action, decision)
  if (decision !== 'allow') {
    throw new ForbiddenError(action)
  }
}

/**
 * Records that a use case acts only on the user's own account (sign-out, their own sessions).
 * @param op - the operation
 */
export function authoriseSelf(op: Operation): void {
  op.recordPolicyCheck('self', 'allow')
}
