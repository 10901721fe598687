/**
 * The composition root: the server with every API route and the web interface, for the command line and the tests.
 */
import type { FastifyInstance } from 'fastify'
import { apiRoutes } from '../api/index.ts'
import type { AppDependencies } from '../app/shared/dependencies.ts'
import { registerWeb } from '../web/register-web.ts'
import { buildServer } from './server.ts'
import type { OidcSettings } from '../config.ts'

export interface ApplicationOptions {
  readonly isDemo: boolean
  readonly isCookieSecure: boolean
  readonly requireSecondFactor: boolean
  readonly withWeb?: boolean
  readonly logLevel?: string
  /** The authority's OpenID Connect provider, if configured (read when used). */
  readonly oidc?: () => OidcSettings | undefined
}

/**
 * Builds the whole application (not yet listening).
 * @param deps - the application's dependencies
 * @param options - settings
 * @returns the server
 */
export async function buildApplication(deps: AppDependencies, options: ApplicationOptions): Promise<FastifyInstance> {
  return buildServer({
    deps,
    apiRoutes,
    ...(options.withWeb === false
      ? {}
      : {
          registerWeb: registerWeb(deps, {
            isDemo: options.isDemo,
            requireSecondFactor: options.requireSecondFactor,
            ...(options.oidc ? { oidc: options.oidc } : {}),
          }),
        }),
    isCookieSecure: options.isCookieSecure,
    requireSecondFactor: options.requireSecondFactor,
    isDemo: options.isDemo,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
  })
}
