/**
 * The web interface: GOV.UK Frontend and MoJ Frontend pages rendered on the server, usable without JavaScript.
 */
import type { FastifyInstance } from 'fastify'
import type { AppDependencies } from '../app/shared/dependencies.ts'
import type { CookieSettings } from '../http/middleware/authentication.ts'
import { registerAssetRoutes } from './assets/assets.routes.ts'
import { stylesheet } from './assets/build-assets.ts'
import { auditPages } from './audits/audits.routes.ts'
import { caseloadPages } from './caseload/caseload.routes.ts'
import { childRecordPages } from './children/child-record/child-record.routes.ts'
import { networkPages } from './network/network.routes.ts'
import { planningPages } from './plans/planning-pages.ts'
import { searchPages } from './search/search.routes.ts'
import { dashboardPages } from './dashboards/dashboards.routes.ts'
import { settingsPages } from './admin/planning-settings.routes.ts'
import { returnsPages } from './returns/returns.routes.ts'
import { authorityDashboardPages } from './dashboards/authority/authority-dashboard.routes.ts'
import { registerSignInRoutes } from './sign-in/sign-in.routes.ts'
import { accountPages, registerAccountRoutes } from './security/account-password.routes.ts'
import { registerOidcRoutes } from './security/oidc.routes.ts'
import { registerRestrictionRoutes, restrictionPages } from './security/restriction.routes.ts'
import { registerTwoFactorRoutes } from './security/two-factor.routes.ts'
import type { OidcSettings } from '../config.ts'
import { registerWebPages, sendPage } from './web-route.ts'

export interface WebOptions {
  readonly isDemo: boolean
  readonly requireSecondFactor?: boolean
  readonly oidcEnabled?: boolean
  /** The authority's OpenID Connect provider, if any (read when used, so tests can set it after start). */
  readonly oidc?: () => OidcSettings | undefined
}

/**
 * Registers the web interface.
 * @param deps - the application's dependencies
 * @param options - settings
 * @returns the registration step for the server
 */
export function registerWeb(deps: AppDependencies, options: WebOptions) {
  return async (app: FastifyInstance, cookie: CookieSettings): Promise<void> => {
    // Compile the stylesheet now, not on the first page view.
    await stylesheet()
    registerAssetRoutes(app)
    const oidc = options.oidc ?? (() => undefined)
    const requireSecondFactor = options.requireSecondFactor ?? !options.isDemo
    registerSignInRoutes(app, deps, {
      isDemo: options.isDemo,
      cookie,
      requireSecondFactor,
      get oidcEnabled() {
        return (options.oidcEnabled ?? false) || oidc() !== undefined
      },
    })
    registerTwoFactorRoutes(app, deps)
    registerOidcRoutes(app, deps, { isDemo: options.isDemo, cookie, requireSecondFactor, oidc })
    registerAccountRoutes(app, deps)
    registerRestrictionRoutes(app, deps)
    app.get(
      '/accessibility',
      { config: { security: { auth: 'none', policy: 'public', audit: null } }, schema: { hide: true } },
      (request, reply) => sendPage(reply, request, 'accessibility.njk', {}),
    )
    app.renderWebNotFound = (request, reply) => sendPage(reply, request, 'errors/not-found.njk', {}, 404)
    registerWebPages(app, deps, [
      ...caseloadPages,
      ...childRecordPages,
      ...searchPages,
      ...accountPages,
      ...restrictionPages,
      ...returnsPages,
      ...dashboardPages,
      ...settingsPages,
      ...authorityDashboardPages,
      ...planningPages,
      ...auditPages,
      ...networkPages,
    ])
  }
}
