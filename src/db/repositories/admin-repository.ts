import type { Database, Tx } from '../client.ts'
import { services, teams, users } from '../schema/index.ts'

/**
 * Creates an authority (owner-level: there is no authority context before it exists).
 * @param db - the database
 * @param authority - the authority
 */
export async function insertAuthority(
  db: Database,
  authority: { authorityId: string; code: string; name: string; policyPack: string; isDemo: boolean },
): Promise<void> {
  await db.query(
    'INSERT INTO authorities (authority_id, code, name, policy_pack, is_demo) VALUES ($1, $2, $3, $4, $5)',
    [authority.authorityId, authority.code, authority.name, authority.policyPack, authority.isDemo],
  )
}

/**
 * Finds an authority by its code (owner-level).
 * @param db - the database
 * @param code - e.g. `northshire`
 * @returns its id and name, or undefined
 */
export async function findAuthorityByCode(
  db: Database,
  code: string,
): Promise<{ authorityId: string; name: string } | undefined> {
  const rows = await db.query<{ authority_id: string; name: string }>(
    'SELECT authority_id, name FROM authorities WHERE code = $1',
    [code],
  )
  const row = rows[0]
  return row ? { authorityId: row.authority_id, name: row.name } : undefined
}

/**
 * Lists authorities (owner-level).
 * @param db - the database
 * @returns every authority
 */
export async function listAuthorities(
  db: Database,
): Promise<{ authorityId: string; code: string; name: string; isDemo: boolean }[]> {
  const rows = await db.query<{ authority_id: string; code: string; name: string; is_demo: boolean }>(
    'SELECT authority_id, code, name, is_demo FROM authorities ORDER BY name',
  )
  return rows.map(r => ({ authorityId: r.authority_id, code: r.code, name: r.name, isDemo: r.is_demo }))
}

/**
 * Inserts a service.
 * @param tx - a transaction in the authority
 * @param service - the service
 */
export async function insertService(tx: Tx, service: { id: string; authorityId: string; name: string }): Promise<void> {
  await tx.insert(services).values(service)
}

/**
 * Inserts a team.
 * @param tx - a transaction in the authority
 * @param team - the team
 */
export async function insertTeam(
  tx: Tx,
  team: { id: string; authorityId: string; serviceId: string; name: string },
): Promise<void> {
  await tx.insert(teams).values(team)
}

/**
 * Inserts a user.
 * @param tx - a transaction in the authority
 * @param user - the user
 */
export async function insertUser(
  tx: Tx,
  user: {
    id: string
    authorityId: string
    email: string
    displayName: string
    role: string
    teamId: string | null
    serviceId: string | null
    passwordHash: string | null
    isDemo: boolean
  },
): Promise<void> {
  await tx.insert(users).values({ ...user, email: user.email.toLowerCase() })
}

/**
 * Whether an email address is already in use, in any authority (owner-level).
 * @param db - the database
 * @param email - the address
 * @returns true when taken
 */
export async function isEmailTaken(db: Database, email: string): Promise<boolean> {
  const rows = await db.query<{ taken: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM users WHERE email = lower($1)) AS taken',
    [email],
  )
  return rows[0]?.taken === true
}

/**
 * Counts the children of every authority (owner-level), for start-up messages.
 * @param db - the database
 * @returns children per authority code
 */
export async function countChildrenByAuthority(db: Database): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; count: number }>(
    'SELECT a.code, count(c.id)::int AS count FROM authorities a LEFT JOIN children c ON c.authority_id = a.authority_id GROUP BY a.code',
  )
  return new Map(rows.map(r => [r.code, r.count]))
}
