/**
 * The authority's planning settings (ADR 0061): the guidance plans are checked against, its words for the options,
 * the paperwork rule before the PPM, the PPM and long-term fostering cadences and the panel threshold.
 */
import { changePlanningSettings, viewPlanningSettings } from '../../app/plans/planning-settings-admin.ts'
import { PLANNING_SETTINGS_LABELS, PlanningSettingsChangeSchema } from '../../domain/plans/planning-settings.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'

export const planningSettingsRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: '/api/v1/planning-settings',
    summary: "The authority's planning settings (its own, or its policy pack's defaults, version 0)",
    tags: ['Plans'],
    policy: 'policy:view',
    audit: 'PLANNING_SETTINGS_VIEWED',
    handle: async op => {
      const view = await viewPlanningSettings(op)
      return { body: view, version: view.version }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: '/api/v1/planning-settings',
    summary:
      "Set the authority's planning settings (If-Match: the current version, 0 for the defaults); every child's due dates are recomputed",
    tags: ['Plans'],
    policy: 'policy:manage',
    audit: 'PLANNING_SETTINGS_CHANGED',
    body: PlanningSettingsChangeSchema,
    labels: PLANNING_SETTINGS_LABELS,
    needsVersion: true,
    handle: async (op, { body, version }) => {
      const changed = await changePlanningSettings(op, version, body)
      return { body: changed, version: changed.version }
    },
  }),
] as unknown as ApiRoute<never, never, never>[]
