/**
 * The authority dashboard for heads of service and performance analysts. Issue 8 adds its adoption scorecard
 * section (src/web/returns/partials/adoption-scorecard.njk); the web-interface issue adds time to permanence, the
 * options mix and trends (permanence-measures.njk); issue 9 the latest learning brief of the case-file audits
 * (src/web/audits/learning-brief-dashboard.njk). The permanence measures and the scorecard are today's snapshot
 * (ADR 0093); the learning brief is read live.
 */
import { viewLearningBrief } from '../../../app/audits/view-learning-brief.ts'
import {
  recalculateAuthorityDashboard,
  viewAuthorityDashboard,
} from '../../../app/dashboards/view-authority-dashboard.ts'
import { adoptionScorecardViewModel } from '../../returns/adoption-scorecard.view-model.ts'
import { decideAuthorityAccess } from '../../../domain/access/policies.ts'
import { learningBriefViewModel } from '../../audits/learning-brief.view-model.ts'
import type { WebPage } from '../../web-route.ts'
import { permanenceMeasuresViewModel } from './permanence-measures.view-model.ts'

export const authorityDashboardPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/dashboards/authority',
    policy: 'dashboard:authority',
    audit: 'AUTHORITY_DASHBOARD_VIEWED',
    handle: async (op, request) => {
      const asked = Number((request.query as Record<string, unknown>).cohort)
      const dashboard = await viewAuthorityDashboard(op, Number.isInteger(asked) ? asked : undefined)
      // Case-file audits (issue 9): the latest final learning brief, for those who read briefs.
      const brief =
        decideAuthorityAccess(op.actor.role, 'qa:view-briefs') === 'allow'
          ? await viewLearningBrief(op, 'latest')
          : null
      return {
        template: 'dashboards/authority/authority-dashboard.njk',
        context: {
          today: op.today,
          computedAt: dashboard.computedAt,
          mayRecalculate: decideAuthorityAccess(op.actor.role, 'dashboard:recalculate') === 'allow',
          permanence: permanenceMeasuresViewModel(dashboard.measures, {
            authorityId: op.actor.authorityId,
            computedAt: dashboard.computedAt,
          }),
          scorecard: adoptionScorecardViewModel(dashboard.scorecard, dashboard.cohortYears),
          learningBrief: brief ? learningBriefViewModel(brief) : null,
        },
      }
    },
  },
  {
    method: 'POST',
    url: '/dashboards/authority/recalculate',
    policy: 'dashboard:recalculate',
    audit: 'AUTHORITY_DASHBOARD_RECALCULATED',
    handle: async op => {
      await recalculateAuthorityDashboard(op)
      return { redirect: '/dashboards/authority' }
    },
  },
]
