import type { Role } from '../../domain/access/policies.ts'

/** The signed-in user on whose behalf a use case runs. */
export interface Actor {
  readonly userId: string
  readonly authorityId: string
  readonly authorityName: string
  readonly role: Role
  readonly displayName: string
  readonly email: string
  readonly teamId: string | null
  readonly serviceId: string | null
}
