import type { PlanOverview } from '../../app/plans/view-permanence-plan.ts'
import type { StoredDecisionEvent, StoredMyPlan, StoredPlanVersion } from '../../app/plans/types.ts'
import { formatMessage } from '../../domain/plans/plan-messages.ts'
import { messageFor } from '../../http/error-messages.ts'

/**
 * A plan version as the API shows it: the domain model with the row version a change must name in If-Match.
 * @param stored - the stored version
 * @returns the JSON
 */
export function presentPlanVersion(stored: StoredPlanVersion) {
  return { rowVersion: stored.rowVersion, updatedAt: stored.updatedAt.toISOString(), ...stored.plan }
}

/**
 * A decision as the API shows it.
 * @param event - the stored event
 * @returns the JSON
 */
export function presentDecision(event: StoredDecisionEvent) {
  return { ...event, recordedAt: event.recordedAt.toISOString() }
}

/**
 * The plan overview.
 * @param overview - what the use case found
 * @returns the JSON
 */
export function presentPlanOverview(overview: PlanOverview) {
  return {
    childId: overview.child.id,
    settings: overview.settings,
    inForce: overview.inForce ? presentPlanVersion(overview.inForce) : null,
    latest: overview.latest ? presentPlanVersion(overview.latest) : null,
    versions: overview.versions.map(stored => ({
      planVersion: stored.plan.version,
      status: stored.plan.status,
      rowVersion: stored.rowVersion,
      startedOn: stored.plan.startedOn,
    })),
    guidance: overview.guidance,
    readiness: overview.readiness.map(error => ({
      path: error.path.join('.'),
      code: error.code,
      message: formatMessage(messageFor(error.code), error.params),
    })),
    siblings: overview.siblings.map(sibling => ({
      childId: sibling.childId,
      name: sibling.name,
      plan: sibling.plan
        ? {
            planId: sibling.plan.plan.id,
            planVersion: sibling.plan.plan.version,
            status: sibling.plan.plan.status,
            primaryOption: sibling.plan.plan.content.options.find(option => option.isPrimary)?.type ?? null,
          }
        : null,
    })),
    decisions: overview.events.map(presentDecision),
  }
}

/**
 * "My plan" as the API shows it.
 * @param stored - the stored copy
 * @returns the JSON
 */
export function presentMyPlan(stored: StoredMyPlan) {
  return {
    rowVersion: stored.rowVersion,
    planId: stored.planId,
    planVersion: stored.planVersion,
    composedOn: stored.composedOn,
    sections: stored.myPlan.sections,
    shared: stored.shared,
  }
}
