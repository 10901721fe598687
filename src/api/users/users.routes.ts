/**
 * Accounts, for administrators (policy users:manage): list them, disable or re-enable one (disabling ends its
 * sessions and revokes its API tokens), and reset a lost second factor. Changes need If-Match with the account's
 * version, like every other write.
 */
import { z } from 'zod'
import { listUsers } from '../../app/admin/list-users.ts'
import { resetSecondFactor } from '../../app/admin/reset-second-factor.ts'
import { setUserActive } from '../../app/admin/set-user-active.ts'
import { idSchema } from '../../domain/shared/input.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'

const BASE = '/api/v1/users'
const UserParamsSchema = z.strictObject({ userId: idSchema })

const UserResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  isActive: z.boolean(),
  isTotpEnabled: z.boolean(),
  hasOidc: z.boolean(),
  lastActiveAt: z.string().nullable(),
  version: z.number(),
})

export const usersRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: BASE,
    summary: "The authority's accounts (administrators)",
    tags: ['Accounts'],
    policy: 'users:manage',
    audit: 'USERS_LISTED',
    response: z.object({ users: z.array(UserResponseSchema) }),
    handle: async op => ({
      body: {
        users: (await listUsers(op)).map(user => ({
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          isActive: user.isActive,
          isTotpEnabled: user.isTotpEnabled,
          hasOidc: user.hasOidc,
          lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
          version: user.version,
        })),
      },
    }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:userId/disable`,
    summary: 'Disable an account: its sessions end and its API tokens are revoked (If-Match required)',
    tags: ['Accounts'],
    policy: 'users:manage',
    audit: 'USER_DISABLED',
    params: UserParamsSchema,
    needsVersion: true,
    handle: async (op, { params, version }) => {
      const changed = await setUserActive(op, params.userId, version, false)
      return { body: changed, version: changed.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:userId/enable`,
    summary: 'Enable a disabled account (If-Match required; new API tokens must be issued)',
    tags: ['Accounts'],
    policy: 'users:manage',
    audit: 'USER_ENABLED',
    params: UserParamsSchema,
    needsVersion: true,
    handle: async (op, { params, version }) => {
      const changed = await setUserActive(op, params.userId, version, true)
      return { body: changed, version: changed.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:userId/second-factor/reset`,
    summary: "Reset a lost second factor: the account's sessions end and it enrols again (If-Match required)",
    tags: ['Accounts'],
    policy: 'users:manage',
    audit: 'SECOND_FACTOR_RESET',
    params: UserParamsSchema,
    needsVersion: true,
    handle: async (op, { params, version }) => {
      const changed = await resetSecondFactor(op, params.userId, version)
      return { body: changed, version: changed.version }
    },
  }),
] as unknown as ApiRoute<never, never, never>[]
