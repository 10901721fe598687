import { loadCarePeriods, loadCurrentPlans } from '../../db/repositories/dashboard-repository.ts'
import { authorityMeasures, type AuthorityMeasures } from '../../domain/dashboards/authority-measures.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

/**
 * The authority dashboard's permanence measures: time to permanence by route, the options mix of children in care,
 * and quarterly trends (src/domain/dashboards/authority-measures.ts). Counts only: no child is named.
 * @param op - the operation
 * @returns the measures as at today
 */
export async function viewAuthorityDashboard(op: Operation): Promise<AuthorityMeasures> {
  authoriseAuthority(op, 'dashboard:authority')
  const [periods, plans] = [await loadCarePeriods(op.tx), await loadCurrentPlans(op.tx)]
  return authorityMeasures({ today: op.today, periods, plans })
}
