import type { FastifyInstance } from 'fastify'
import type { AppDependencies } from '../app/shared/dependencies.ts'
import type { CookieSettings } from '../http/middleware/authentication.ts'

export interface WebOptions {
  readonly isDemo: boolean
}

/**
 * Registers the web interface.
 * @param deps - the application's dependencies
 * @param options - settings
 * @returns the registration step for the server
 */
export function registerWeb(deps: AppDependencies, options: WebOptions) {
  return (_app: FastifyInstance, _cookie: CookieSettings): Promise<void> => {
    void deps
    void options
    return Promise.resolve()
  }
}
