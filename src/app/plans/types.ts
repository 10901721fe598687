// Types the adapters need from the planning use cases, re-exported so adapters never import src/db.
export type { StoredDecisionEvent, StoredPlanVersion } from '../../db/repositories/plans-repository.ts'
export type { StoredPanelRequest, StoredMyPlan } from '../../db/repositories/panels-repository.ts'
