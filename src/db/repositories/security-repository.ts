/**
 * Queries of the security features (issue 6): second factor, passwords, account state, OpenID Connect sign-ins, and
 * the restriction reports. Each runs in the caller's transaction, inside the authority's row-level security.
 */
import { and, desc, eq, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { auditEvents, children, oidcSignInRequests, sessions, teams, users } from '../schema/index.ts'

export interface SecondFactorState {
  readonly secret: string | null
  readonly isEnabled: boolean
  readonly lastUsedStep: number | null
}

/**
 * A user's second-factor state.
 * @param tx - a transaction in the user's authority
 * @param userId - the user
 * @returns the state, or undefined when there is no such user
 */
export async function loadSecondFactor(tx: Tx, userId: string): Promise<SecondFactorState | undefined> {
  const [row] = await tx
    .select({ secret: users.totpSecret, isEnabled: users.isTotpEnabled, lastUsedStep: users.totpLastUsedStep })
    .from(users)
    .where(eq(users.id, userId))
  return row
}

/**
 * Stores a secret that the user has been shown but not yet confirmed.
 * @param tx - the transaction
 * @param userId - the user
 * @param secret - the base32 secret
 */
export async function setPendingSecondFactor(tx: Tx, userId: string, secret: string): Promise<void> {
  await tx
    .update(users)
    .set({ totpSecret: secret, isTotpEnabled: false, totpLastUsedStep: null })
    .where(and(eq(users.id, userId), eq(users.isTotpEnabled, false)))
}

/**
 * Records an accepted code: its time step (so it cannot be used again) and, at enrolment, turns the factor on.
 * @param tx - the transaction
 * @param userId - the user
 * @param step - the time step of the accepted code
 */
export async function acceptSecondFactorStep(tx: Tx, userId: string, step: number): Promise<void> {
  await tx.update(users).set({ isTotpEnabled: true, totpLastUsedStep: step }).where(eq(users.id, userId))
}

/**
 * The stored password hash of a user.
 * @param tx - the transaction
 * @param userId - the user
 * @returns the hash, or null when the account has no password (OpenID Connect only)
 */
export async function loadPasswordHash(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId))
  return row?.hash ?? null
}

/**
 * Replaces a user's password hash.
 * @param tx - the transaction
 * @param userId - the user
 * @param passwordHash - the new argon2id hash
 * @param at - when
 */
export async function setPasswordHash(tx: Tx, userId: string, passwordHash: string, at: Date): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, updatedAt: at, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId))
}

/**
 * Revokes a user's live sessions except one (the one changing the password keeps going).
 * @param tx - the transaction
 * @param userId - the user
 * @param keepSessionId - the session to keep
 * @param at - when
 * @returns how many were revoked
 */
export async function revokeOtherSessions(tx: Tx, userId: string, keepSessionId: string, at: Date): Promise<number> {
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id })
  return revoked.length
}

export interface ManagedUser {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly role: string
  readonly teamId: string | null
  readonly isActive: boolean
  readonly isTotpEnabled: boolean
  readonly hasOidc: boolean
  readonly isDemo: boolean
  readonly lastActiveAt: Date | null
  readonly version: number
}

const managedUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  teamId: users.teamId,
  isActive: users.isActive,
  isTotpEnabled: users.isTotpEnabled,
  hasOidc: sql<boolean>`${users.oidcSubject} IS NOT NULL`,
  isDemo: users.isDemo,
  lastActiveAt: users.lastActiveAt,
  version: users.version,
}

/**
 * The authority's accounts (not the system account).
 * @param tx - a transaction in the authority
 * @returns the accounts, by email
 */
export async function listManagedUsers(tx: Tx): Promise<ManagedUser[]> {
  return tx.select(managedUserColumns).from(users).where(ne(users.role, 'system')).orderBy(users.email)
}

/**
 * One account.
 * @param tx - a transaction in the authority
 * @param userId - the account
 * @returns the account, or undefined
 */
export async function loadManagedUser(tx: Tx, userId: string): Promise<ManagedUser | undefined> {
  const [row] = await tx
    .select(managedUserColumns)
    .from(users)
    .where(and(eq(users.id, userId), ne(users.role, 'system')))
  return row
}

/**
 * Changes an account if it is still at the version the administrator saw.
 * @param tx - the transaction
 * @param userId - the account
 * @param expectedVersion - the version the change is based on
 * @param values - what changes
 * @param at - when
 * @returns the new version, or undefined when the version did not match
 */
export async function updateManagedUser(
  tx: Tx,
  userId: string,
  expectedVersion: number,
  values: { isActive?: boolean; totpSecret?: null; isTotpEnabled?: boolean; totpLastUsedStep?: null },
  at: Date,
): Promise<number | undefined> {
  const [row] = await tx
    .update(users)
    .set({ ...values, updatedAt: at, version: expectedVersion + 1 })
    .where(and(eq(users.id, userId), eq(users.version, expectedVersion), ne(users.role, 'system')))
    .returning({ version: users.version })
  return row?.version
}

/**
 * Starts an OpenID Connect sign-in.
 * @param tx - a transaction in the provider's authority
 * @param request - its state (hashed), nonce and PKCE verifier
 */
export async function insertOidcRequest(
  tx: Tx,
  request: { id: string; authorityId: string; stateHash: string; nonce: string; codeVerifier: string; at: Date },
): Promise<void> {
  await tx.insert(oidcSignInRequests).values({
    id: request.id,
    authorityId: request.authorityId,
    stateHash: request.stateHash,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    createdAt: request.at,
  })
}

/**
 * Takes an OpenID Connect sign-in in progress, once: it is marked used whether or not it then succeeds.
 * @param tx - the transaction
 * @param stateHash - sha-256 of the state
 * @param notBefore - requests older than this have expired
 * @param at - now
 * @returns the nonce and verifier, or undefined when unknown, used or expired
 */
export async function takeOidcRequest(
  tx: Tx,
  stateHash: string,
  notBefore: Date,
  at: Date,
): Promise<{ nonce: string; codeVerifier: string } | undefined> {
  const [row] = await tx
    .update(oidcSignInRequests)
    .set({ usedAt: at })
    .where(
      and(
        eq(oidcSignInRequests.stateHash, stateHash),
        isNull(oidcSignInRequests.usedAt),
        sql`${oidcSignInRequests.createdAt} >= ${notBefore}`,
      ),
    )
    .returning({ nonce: oidcSignInRequests.nonce, codeVerifier: oidcSignInRequests.codeVerifier })
  return row
}

/**
 * The accounts an OpenID Connect identity could be: by its subject, or by a verified email address.
 * @param tx - a transaction in the provider's authority
 * @param subject - the `sub` claim
 * @param email - the verified email address, if any
 * @returns candidate accounts
 */
export async function findOidcCandidates(
  tx: Tx,
  subject: string,
  email: string | null,
): Promise<{ id: string; oidcSubject: string | null; email: string }[]> {
  return tx
    .select({ id: users.id, oidcSubject: users.oidcSubject, email: users.email })
    .from(users)
    .where(
      and(
        ne(users.role, 'system'),
        email === null
          ? eq(users.oidcSubject, subject)
          : or(eq(users.oidcSubject, subject), eq(users.email, email.toLowerCase())),
      ),
    )
}

/**
 * Links an account to its OpenID Connect subject, on its first sign-in through the provider.
 * @param tx - the transaction
 * @param userId - the account
 * @param subject - the `sub` claim
 */
export async function linkOidcSubject(tx: Tx, userId: string, subject: string): Promise<void> {
  await tx
    .update(users)
    .set({ oidcSubject: subject })
    .where(and(eq(users.id, userId), isNull(users.oidcSubject)))
}

export interface BreakGlassOpening {
  readonly occurredAt: Date
  readonly childId: string
  readonly userId: string | null
  readonly userName: string | null
  readonly role: string | null
  readonly action: string
  readonly reason: string
  readonly restrictionOwnerId: string | null
}

/**
 * Break-glass openings of restricted records, newest first: all of them, or those of records one user owns.
 * @param tx - a transaction in the authority
 * @param options - whose records, since when, how many
 * @param options.ownerId - only records whose restriction this user owns
 * @param options.since - only openings from this moment on
 * @param options.limit - how many at most
 * @returns the openings
 */
export async function listBreakGlassOpenings(
  tx: Tx,
  options: { ownerId: string | null; since: Date; limit: number },
): Promise<BreakGlassOpening[]> {
  return tx
    .select({
      occurredAt: auditEvents.occurredAt,
      childId: sql<string>`${auditEvents.childId}`,
      userId: auditEvents.userId,
      userName: users.displayName,
      role: auditEvents.role,
      action: auditEvents.action,
      reason: sql<string>`${auditEvents.breakGlassReason}`,
      restrictionOwnerId: children.restrictionOwnerId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(children, eq(children.id, auditEvents.childId))
    .where(
      and(
        isNotNull(auditEvents.breakGlassReason),
        isNotNull(auditEvents.childId),
        eq(auditEvents.outcome, 'success'),
        sql`${auditEvents.occurredAt} >= ${options.since}`,
        options.ownerId === null ? undefined : eq(children.restrictionOwnerId, options.ownerId),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(options.limit)
}

export interface RestrictionDue {
  readonly childId: string
  readonly category: string | null
  readonly ownerId: string | null
  readonly ownerName: string | null
  readonly reviewOn: string | null
  readonly teamName: string | null
}

/**
 * Restrictions whose review date has passed: all of them, or those one user owns.
 * @param tx - a transaction in the authority
 * @param today - today
 * @param ownerId - only restrictions this user owns, or null for all
 * @returns the restrictions, longest overdue first
 */
export async function listOverdueRestrictions(
  tx: Tx,
  today: string,
  ownerId: string | null,
): Promise<RestrictionDue[]> {
  return tx
    .select({
      childId: children.id,
      category: children.restrictionCategory,
      ownerId: children.restrictionOwnerId,
      ownerName: users.displayName,
      reviewOn: children.restrictionReviewOn,
      teamName: teams.name,
    })
    .from(children)
    .leftJoin(users, eq(users.id, children.restrictionOwnerId))
    .leftJoin(teams, eq(teams.id, children.teamId))
    .where(
      and(
        eq(children.sensitivity, 'restricted'),
        isNull(children.voidedAt),
        lt(children.restrictionReviewOn, today),
        ownerId === null ? undefined : eq(children.restrictionOwnerId, ownerId),
      ),
    )
    .orderBy(children.restrictionReviewOn)
}
