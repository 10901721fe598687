import { listCaseload, type CaseloadView } from '../../app/children/list-caseload.ts'
import { paths } from '../paths.ts'
import type { WebPage } from '../web-route.ts'
import { caseloadRows } from './caseload.view-model.ts'

export const caseloadPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: paths.home(),
    policy: 'caseload:view',
    audit: 'CASELOAD_VIEWED',
    handle: async (op, request) => {
      const query = request.query as Record<string, unknown>
      const canViewTeam = op.actor.role === 'team-manager' || op.actor.role === 'social-worker'
      const view: CaseloadView = canViewTeam && query.view === 'team' ? 'team' : 'mine'
      const children = await listCaseload(op, view)
      return {
        template: 'caseload/caseload.njk',
        context: {
          heading:
            view === 'team' ? "My team's children" : op.actor.role === 'iro' ? 'Children I review' : 'My caseload',
          view,
          canViewTeam,
          rows: caseloadRows(children, op.today),
        },
      }
    },
  },
]
