/**
 * Who the `permanence import` and `permanence returns` commands act as. The operator at the command line holds the
 * data folder or the database URL, so there is no sign-in; each command acts as a per-authority system account of
 * the role the action needs (administrator to import, performance analyst to export), which cannot sign in
 * (inactive, no password) and is named in the audit trail like any user (docs/adr/0052).
 */
import type { Database } from '../../db/client.ts'
import { findAuthorityByCode, listAuthorities } from '../../db/repositories/admin-repository.ts'
import { ensureInactiveUsers, findUsersByEmail } from '../../db/repositories/returns-repository.ts'
import { ROLE_LABELS, type Role } from '../../domain/access/policies.ts'
import { uuidV5 } from '../../domain/returns/stable-id.ts'
import { provisionAuthority } from '../admin/provision-authority.ts'
import type { Actor } from '../shared/actor.ts'

/** The command cannot tell which authority is meant, or the authority does not exist. */
export class AuthorityChoiceError extends Error {
  override readonly name = 'AuthorityChoiceError'
}

/**
 * The authority a command acts for: the one named, or the only one there is. With `createName`, an authority that
 * does not exist is created (with a children's service) so that a first import needs one command.
 * @param db - the database
 * @param options - the authority's code, and a name to create it with
 * @param options.code - e.g. `northshire`
 * @param options.createName - create the authority with this name if it does not exist
 * @returns the authority
 */
export async function chooseAuthority(
  db: Database,
  options: { readonly code?: string; readonly createName?: string },
): Promise<{ authorityId: string; code: string; name: string }> {
  if (options.code !== undefined) {
    const found = await findAuthorityByCode(db, options.code)
    if (found) {
      return { ...found, code: options.code }
    }
    if (options.createName !== undefined) {
      const created = await provisionAuthority(db, {
        code: options.code,
        name: options.createName,
        policyPack: 'national',
        isDemo: false,
        services: [{ name: "Children's Social Care", teams: [] }],
      })
      return { authorityId: created.authorityId, code: options.code, name: options.createName }
    }
    throw new AuthorityChoiceError(
      `There is no authority with the code ${options.code}. Give --authority-name to create it.`,
    )
  }
  const all = await listAuthorities(db)
  if (all.length === 1) {
    return all[0]!
  }
  throw new AuthorityChoiceError(
    all.length === 0
      ? 'There is no authority yet. Name one with --authority CODE --authority-name NAME to create it.'
      : `There are ${all.length} authorities (${all.map(a => a.code).join(', ')}): say which with --authority CODE.`,
  )
}

/**
 * The system account a command acts as, created the first time it is needed.
 * @param db - the database
 * @param authority - the authority
 * @param authority.authorityId - its id
 * @param authority.code - its code
 * @param authority.name - its name
 * @param role - the role the action needs
 * @returns the actor
 */
export async function commandLineActor(
  db: Database,
  authority: { authorityId: string; code: string; name: string },
  role: Role,
): Promise<Actor> {
  const email = `command-line.${role}@${authority.code}.invalid`
  const displayName = `Command line (${ROLE_LABELS[role].toLowerCase()})`
  const userId = await db.withAuthority({ authorityId: authority.authorityId }, async tx => {
    const existing = (await findUsersByEmail(tx, [email])).get(email)
    if (existing !== undefined) {
      return existing
    }
    const id = uuidV5(`${authority.authorityId}|command-line|${role}`)
    await ensureInactiveUsers(tx, authority.authorityId, [
      { id, email, displayName, role, teamId: null, serviceId: null },
    ])
    return id
  })
  return {
    userId,
    authorityId: authority.authorityId,
    authorityName: authority.name,
    role,
    displayName,
    email,
    teamId: null,
    serviceId: null,
  }
}
