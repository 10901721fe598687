/**
 * Sign-in, sessions and API tokens. Lookups by token or email happen before the authority is known, so they go
 * through SECURITY DEFINER functions (0001_platform.sql) that return only the ids needed; everything after runs
 * inside the authority's row-level security like any other work.
 */
import { and, eq, gte, isNull, sql } from 'drizzle-orm'
import type { Database, Tx } from '../client.ts'
import { queryRows } from '../raw-sql.ts'
import { apiTokens, authorities, sessions, signInAttempts, teams, users } from '../schema/index.ts'

export interface SignInCandidate {
  readonly userId: string
  readonly authorityId: string
  readonly passwordHash: string | null
  readonly isActive: boolean
}

/**
 * Finds the account for an email address, in any authority.
 * @param db - the database
 * @param email - the address typed
 * @returns the account, or undefined
 */
export async function findSignInCandidate(db: Database, email: string): Promise<SignInCandidate | undefined> {
  const rows = await db.withAuthority({ authorityId: '00000000-0000-0000-0000-000000000000' }, tx =>
    queryRows<{ user_id: string; authority_id: string; password_hash: string | null; is_active: boolean }>(
      tx,
      sql`SELECT * FROM app_find_user_for_sign_in(${email})`,
    ),
  )
  const row = rows[0]
  return row
    ? { userId: row.user_id, authorityId: row.authority_id, passwordHash: row.password_hash, isActive: row.is_active }
    : undefined
}

/**
 * Finds the live session for a token hash, in any authority.
 * @param db - the database
 * @param tokenHash - sha-256 of the cookie's token
 * @returns the session's ids, or undefined
 */
export async function findSessionByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<{ sessionId: string; authorityId: string; userId: string } | undefined> {
  const rows = await db.withAuthority({ authorityId: '00000000-0000-0000-0000-000000000000' }, tx =>
    queryRows<{ session_id: string; authority_id: string; user_id: string }>(
      tx,
      sql`SELECT * FROM app_find_session(${tokenHash})`,
    ),
  )
  const row = rows[0]
  return row ? { sessionId: row.session_id, authorityId: row.authority_id, userId: row.user_id } : undefined
}

/**
 * Finds the live API token for a token hash and, in the same transaction, enters its authority as its user, so the
 * caller can go on to load the user under row-level security without a second transaction.
 * @param tx - a transaction opened with no authority
 * @param tokenHash - sha-256 of the bearer token
 * @returns the token's ids, or undefined
 */
export async function findApiTokenAndEnter(
  tx: Tx,
  tokenHash: string,
): Promise<{ tokenId: string; authorityId: string; userId: string } | undefined> {
  const [row] = await queryRows<{ token_id: string; authority_id: string; user_id: string }>(
    tx,
    sql`SELECT * FROM app_find_api_token(${tokenHash})`,
  )
  if (!row) {
    return undefined
  }
  await tx.execute(
    sql`select set_config('app.authority_id', ${row.authority_id}, true), set_config('app.user_id', ${row.user_id}, true)`,
  )
  return { tokenId: row.token_id, authorityId: row.authority_id, userId: row.user_id }
}

/**
 * Finds the live API token for a token hash, in any authority.
 * @param db - the database
 * @param tokenHash - sha-256 of the bearer token
 * @returns the token's ids, or undefined
 */
export async function findApiTokenByHash(
  db: Database,
  tokenHash: string,
): Promise<{ tokenId: string; authorityId: string; userId: string } | undefined> {
  const rows = await db.withAuthority({ authorityId: '00000000-0000-0000-0000-000000000000' }, tx =>
    queryRows<{ token_id: string; authority_id: string; user_id: string }>(
      tx,
      sql`SELECT * FROM app_find_api_token(${tokenHash})`,
    ),
  )
  const row = rows[0]
  return row ? { tokenId: row.token_id, authorityId: row.authority_id, userId: row.user_id } : undefined
}

export interface UserRecord {
  readonly id: string
  readonly authorityId: string
  readonly authorityName: string
  readonly email: string
  readonly displayName: string
  readonly role: string
  readonly teamId: string | null
  readonly serviceId: string | null
  readonly isActive: boolean
  readonly isTotpEnabled: boolean
  readonly totpSecret: string | null
  readonly isDemo: boolean
}

/**
 * Loads a user, with their service (from their team when not set directly).
 * @param tx - a transaction in the user's authority
 * @param userId - the user
 * @returns the user, or undefined
 */
export async function loadUser(tx: Tx, userId: string): Promise<UserRecord | undefined> {
  const [row] = await tx
    .select({
      id: users.id,
      authorityId: users.authorityId,
      authorityName: authorities.name,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      teamId: users.teamId,
      serviceId: sql<string | null>`coalesce(${users.serviceId}, ${teams.serviceId})`,
      isActive: users.isActive,
      isTotpEnabled: users.isTotpEnabled,
      totpSecret: users.totpSecret,
      isDemo: users.isDemo,
    })
    .from(users)
    .innerJoin(authorities, eq(authorities.authorityId, users.authorityId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, userId))
  return row
}

/**
 * Loads a user by email within the current authority.
 * @param tx - a transaction in the authority
 * @param email - the address
 * @returns the user id, or undefined
 */
export async function findUserIdByEmail(tx: Tx, email: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()))
  return row?.id
}

/**
 * Records a sign-in attempt for an account.
 * @param tx - a transaction in the account's authority
 * @param attempt - the attempt
 */
export async function recordSignInAttempt(
  tx: Tx,
  attempt: { authorityId: string; userId: string; isSuccess: boolean; clientAddress: string | null; at: Date },
): Promise<void> {
  await tx.insert(signInAttempts).values({
    authorityId: attempt.authorityId,
    userId: attempt.userId,
    isSuccess: attempt.isSuccess,
    clientAddress: attempt.clientAddress,
    attemptedAt: attempt.at,
  })
}

/**
 * Failed sign-ins for an account since a moment.
 * @param tx - a transaction in the account's authority
 * @param userId - the account
 * @param since - the start of the window
 * @returns the count
 */
export async function countFailedSignIns(tx: Tx, userId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.userId, userId),
        eq(signInAttempts.isSuccess, false),
        gte(signInAttempts.attemptedAt, since),
      ),
    )
  return row?.count ?? 0
}

export interface SessionRecord {
  readonly id: string
  readonly userId: string
  readonly csrfToken: string
  readonly isSecondFactorDone: boolean
  readonly createdAt: Date
  readonly lastSeenAt: Date
  readonly absoluteExpiresAt: Date
  readonly revokedAt: Date | null
}

/**
 * Creates a session.
 * @param tx - a transaction in the user's authority
 * @param session - the session
 */
export async function insertSession(
  tx: Tx,
  session: {
    id: string
    authorityId: string
    userId: string
    tokenHash: string
    csrfToken: string
    isSecondFactorDone: boolean
    now: Date
    absoluteExpiresAt: Date
    clientAddress: string | null
    userAgent: string | null
  },
): Promise<void> {
  await tx.insert(sessions).values({
    id: session.id,
    authorityId: session.authorityId,
    userId: session.userId,
    tokenHash: session.tokenHash,
    csrfToken: session.csrfToken,
    isSecondFactorDone: session.isSecondFactorDone,
    createdAt: session.now,
    lastSeenAt: session.now,
    absoluteExpiresAt: session.absoluteExpiresAt,
    clientAddress: session.clientAddress,
    userAgent: session.userAgent,
  })
}

/**
 * Loads a session.
 * @param tx - a transaction in the session's authority
 * @param sessionId - the session
 * @returns the session, or undefined
 */
export async function loadSession(tx: Tx, sessionId: string): Promise<SessionRecord | undefined> {
  const [row] = await tx
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      isSecondFactorDone: sessions.isSecondFactorDone,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
  return row
}

/**
 * Marks a session as just used.
 * @param tx - the transaction
 * @param sessionId - the session
 * @param at - when
 */
export async function touchSession(tx: Tx, sessionId: string, at: Date): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId))
}

/**
 * Revokes a session (sign-out, timeout).
 * @param tx - the transaction
 * @param sessionId - the session
 * @param at - when
 */
export async function revokeSession(tx: Tx, sessionId: string, at: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
}

/**
 * Revokes every live session of a user (account disabled, password changed).
 * @param tx - the transaction
 * @param userId - the user
 * @param at - when
 */
export async function revokeUserSessions(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
}

/**
 * Marks the second factor as done for a session.
 * @param tx - the transaction
 * @param sessionId - the session
 */
export async function markSecondFactorDone(tx: Tx, sessionId: string): Promise<void> {
  await tx.update(sessions).set({ isSecondFactorDone: true }).where(eq(sessions.id, sessionId))
}

/**
 * Creates an API token.
 * @param tx - a transaction in the user's authority
 * @param token - the token
 */
export async function insertApiToken(
  tx: Tx,
  token: { id: string; authorityId: string; userId: string; tokenHash: string; name: string; now: Date },
): Promise<void> {
  await tx.insert(apiTokens).values({
    id: token.id,
    authorityId: token.authorityId,
    userId: token.userId,
    tokenHash: token.tokenHash,
    name: token.name,
    createdAt: token.now,
  })
}

/**
 * Notes when an API token was last used.
 * @param tx - the transaction
 * @param tokenId - the token
 * @param at - when
 */
export async function touchApiToken(tx: Tx, tokenId: string, at: Date): Promise<void> {
  // At most once a minute, like sessions: a write on every API call would cost more than the call.
  await tx
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        sql`(${apiTokens.lastUsedAt} IS NULL OR ${apiTokens.lastUsedAt} < ${new Date(at.getTime() - 60_000)})`,
      ),
    )
}

/**
 * Notes a user's latest activity (for dormant-account checks).
 * @param tx - the transaction
 * @param userId - the user
 * @param at - when
 */
export async function touchUser(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx.update(users).set({ lastActiveAt: at }).where(eq(users.id, userId))
}
