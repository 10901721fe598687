/**
 * Every route declares who may call it and what it audits (house style §6.6; security SEC-01). The declaration sits
 * in the route's Fastify config; the server refuses to start with a route that has none, and the route-table test
 * checks every route's declaration against the policies.
 */
import type { PolicyKey } from '../app/shared/run-operation.ts'

export interface RouteSecurity {
  /** How the caller proves who they are: none (public), a session cookie (web), a bearer token (API). */
  readonly auth: 'none' | 'session' | 'token'
  /** The access policy the route's use case checks; `public` for routes that touch no personal data. */
  readonly policy: PolicyKey
  /** The audit event the route writes, or null for public routes with no personal data. */
  readonly audit: string | null
}

declare module 'fastify' {
  interface FastifyContextConfig {
    security?: RouteSecurity
  }
}

/** A record of a registered route and its declaration, for the route-table test. */
export interface RegisteredRoute {
  readonly method: string
  readonly url: string
  readonly security: RouteSecurity | undefined
}
