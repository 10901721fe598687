// Every JSON API route, by area. Each area exports its routes; the server registers this list.
import type { ApiRoute } from '../http/api-route.ts'
import { auditRoutes } from './audits/audits.routes.ts'
import { childrenRoutes } from './children/children.routes.ts'
import { restrictionsRoutes } from './restrictions/restrictions.routes.ts'
import { meetingRoutes } from './meetings/meetings.routes.ts'
import { networkRoutes } from './network/network.routes.ts'
import { panelRoutes } from './panels/panels.routes.ts'
import { planRoutes } from './plans/plans.routes.ts'
import { planningSettingsRoutes } from './plans/planning-settings.routes.ts'
import { policyPackRoutes, timescalesRoutes } from './timescales/timescales.routes.ts'
import { usersRoutes } from './users/users.routes.ts'
import { returnsRoutes } from './returns/returns.routes.ts'
import { returnDetailsRoutes } from './returns/return-details.routes.ts'

export const apiRoutes: readonly ApiRoute<never, never, never>[] = [
  ...childrenRoutes,
  ...timescalesRoutes,
  ...policyPackRoutes,
  ...restrictionsRoutes,
  ...usersRoutes,
  ...returnsRoutes,
  ...returnDetailsRoutes,
  ...planRoutes,
  ...planningSettingsRoutes,
  ...meetingRoutes,
  ...panelRoutes,
  ...auditRoutes,
  ...networkRoutes,
]
