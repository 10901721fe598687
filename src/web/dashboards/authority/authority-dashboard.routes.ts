/**
 * The authority dashboard for heads of service and performance analysts. Issue 8 adds its adoption scorecard
 * section (src/web/returns/partials/adoption-scorecard.njk); the web-interface issue adds time to permanence, the
 * options mix and trends (permanence-measures.njk).
 */
import { viewAuthorityDashboard } from '../../../app/dashboards/view-authority-dashboard.ts'
import { viewAdoptionScorecard } from '../../../app/returns/view-adoption-scorecard.ts'
import { collectionYearOf } from '../../../domain/returns/collection-year.ts'
import { adoptionScorecardViewModel } from '../../returns/adoption-scorecard.view-model.ts'
import type { WebPage } from '../../web-route.ts'
import { permanenceMeasuresViewModel } from './permanence-measures.view-model.ts'

export const authorityDashboardPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/dashboards/authority',
    policy: 'dashboard:authority',
    audit: 'AUTHORITY_DASHBOARD_VIEWED',
    handle: async (op, request) => {
      // Cohorts of three collection years ending with the last complete year or one of the three before it, or the
      // year in progress.
      const current = collectionYearOf(op.today)
      const cohortYears = [current, current - 1, current - 2, current - 3, current - 4]
      const asked = Number((request.query as Record<string, unknown>).cohort)
      const toYear = cohortYears.includes(asked) ? asked : current - 1
      const measures = await viewAuthorityDashboard(op)
      const scorecard = await viewAdoptionScorecard(op, toYear)
      return {
        template: 'dashboards/authority/authority-dashboard.njk',
        context: {
          today: op.today,
          permanence: permanenceMeasuresViewModel(measures),
          scorecard: adoptionScorecardViewModel(scorecard, cohortYears),
        },
      }
    },
  },
]
