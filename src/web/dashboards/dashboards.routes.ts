import { viewTeamDashboard } from '../../app/dashboards/view-team-dashboard.ts'
import type { WebPage } from '../web-route.ts'

export const dashboardPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/dashboards/team',
    policy: 'dashboard:team',
    audit: 'TEAM_DASHBOARD_VIEWED',
    handle: async op => {
      const dashboard = await viewTeamDashboard(op)
      const team = dashboard.team
      const sum = (pick: (row: (typeof dashboard.byWorker)[number]) => number) =>
        dashboard.byWorker.reduce((total, row) => total + pick(row), 0)
      return {
        template: 'dashboards/team-dashboard.njk',
        context: {
          today: op.today,
          cards: [
            { id: 'children', value: team.children, label: 'children in the team' },
            { id: 'overdue', value: team.childrenWithOverdueItems, label: 'with something overdue' },
            {
              id: 'no-plan',
              value: team.childrenWithNoPlanBySecondReview,
              label: 'without a permanence plan by their second review',
            },
            { id: 'proceedings', value: team.proceedingsPast26Weeks, label: 'in care proceedings past 26 weeks' },
            {
              id: 'meetings',
              value: team.childrenWithPlanningMeetingOverdue,
              label: 'with a permanence planning meeting overdue',
            },
            { id: 'actions', value: sum(r => r.childrenWithActionsOverdue), label: 'with an action overdue' },
            {
              id: 'contingency',
              value: sum(r => r.plansWithoutViableContingency),
              label: 'with a plan that has no viable contingency',
            },
          ],
          extraColumns: [{ label: 'Actions overdue' }, { label: 'No viable contingency' }],
          rows: dashboard.byWorker.map(w => ({
            workerName: w.workerName,
            children: w.aggregate.children,
            overdue: w.aggregate.childrenWithOverdueItems,
            noPlan: w.aggregate.childrenWithNoPlanBySecondReview,
            meetingOverdue: w.aggregate.childrenWithPlanningMeetingOverdue,
            proceedings: w.aggregate.proceedingsPast26Weeks,
            extras: [w.childrenWithActionsOverdue, w.plansWithoutViableContingency],
          })),
          concerns: dashboard.childrenOfConcern,
        },
      }
    },
  },
]
