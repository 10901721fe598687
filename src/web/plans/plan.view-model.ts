import type { StoredDecisionEvent, StoredPlanVersion } from '../../app/plans/types.ts'
import type { PlanOverview } from '../../app/plans/view-permanence-plan.ts'
import { MEETING_KINDS } from '../../domain/meetings/meeting-kinds.ts'
import { ACTOR_ROLES, type DecisionKind } from '../../domain/plans/decision-event.ts'
import type { GuidanceCheck } from '../../domain/plans/guidance-checks.ts'
import { optionLabel, type VocabularyName } from '../../domain/plans/option-vocabularies.ts'
import { OPTION_STATUSES, OPTION_TYPES, type OptionType } from '../../domain/plans/permanence-options.ts'
import { PLAN_STATUSES, type PermanencePlan, type PlanStatus } from '../../domain/plans/permanence-plan.ts'
import { formatMessage } from '../../domain/plans/plan-messages.ts'
import {
  contingencies,
  isViableContingency,
  parallelTracks,
  primaryOption,
  ruledOutOptions,
  trackingKind,
} from '../../domain/plans/plan-queries.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { messageFor } from '../../http/error-messages.ts'
import { childHeaderView } from './child-header.view-model.ts'
import { planPaths } from './plan-paths.ts'

/** GOV.UK tag colours for a plan's stage. */
export const STATUS_TAG: Readonly<Record<PlanStatus, string>> = {
  draft: 'govuk-tag--grey',
  'sent-to-manager': 'govuk-tag--blue',
  'considered-at-ppm': 'govuk-tag--light-blue',
  endorsed: 'govuk-tag--turquoise',
  ratified: 'govuk-tag--green',
  superseded: 'govuk-tag--grey',
}

const TRACKING_WORDS = {
  none: 'No primary plan has been chosen yet',
  single: 'Single track',
  twin: 'Twin tracking',
  triple: 'Triple tracking',
  'more-than-triple': 'More than three tracks',
} as const

/** Each decision in plain words, for the timeline. */
export const DECISION_WORDS: Readonly<Record<DecisionKind, string>> = {
  'plan-started': 'Plan started',
  'plan-version-started': 'New version of the plan started',
  'plan-sent-to-manager': 'Plan sent to the team manager',
  'plan-returned-to-draft': 'Plan returned for changes',
  'plan-considered-at-ppm': 'Plan considered at a permanence planning meeting',
  'plan-endorsed': 'Plan endorsed by the team manager',
  'plan-superseded': 'Plan replaced by a later version',
  'plan-ratified': 'Plan ratified at a child in care review',
  'plan-ratification-declined': 'The IRO declined to ratify the plan',
  'option-change-considered-at-review': 'Change of permanence option considered at a review',
  'option-change-not-reasonably-practicable': 'Change of option could not wait for a review',
  'permanence-achieved': 'Permanence achieved',
  'meeting-closed': 'Meeting closed',
  'meeting-corrected': 'Meeting corrected',
  'meeting-cancelled': 'Meeting cancelled',
  'action-updated': 'Action updated',
  'panel-request-submitted': 'Panel request submitted',
  'panel-request-decided': 'Panel decision recorded',
  'adm-decision-recorded': 'Agency decision maker’s decision',
}

/** GOV.UK tags for the outcome of a guidance check. */
const CHECK_TAG = {
  met: { text: 'Met', classes: 'govuk-tag--green' },
  'not-met': { text: 'Not met', classes: 'govuk-tag--red' },
  'not-yet-due': { text: 'Not yet due', classes: 'govuk-tag--grey' },
  'not-applicable': { text: 'Does not apply', classes: 'govuk-tag--grey' },
} as const

/**
 * An option's name in the authority's words.
 * @param vocabulary - the authority's vocabulary
 * @param type - the option
 * @returns the words
 */
export function optionName(vocabulary: VocabularyName, type: OptionType): string {
  return optionLabel(vocabulary, type)
}

/**
 * The balance sheet in brief: the primary plan, the tracks, the contingency and what was ruled out.
 * @param plan - a version
 * @param vocabulary - the authority's words
 * @returns the summary
 */
export function planSummary(plan: PermanencePlan, vocabulary: VocabularyName) {
  const content = plan.content
  const primary = primaryOption(content)
  const name = (type: OptionType, description: string) =>
    description.trim() === '' ? optionName(vocabulary, type) : `${optionName(vocabulary, type)}: ${description}`
  return {
    version: plan.version,
    status: PLAN_STATUSES[plan.status],
    statusTag: STATUS_TAG[plan.status],
    startedOn: plan.startedOn,
    changeReason: plan.changeReason,
    primary: primary ? name(primary.type, primary.description) : null,
    tracking: TRACKING_WORDS[trackingKind(content)],
    parallel: parallelTracks(content).map(option => name(option.type, option.description)),
    contingencies: contingencies(content).map(option => ({
      name: name(option.type, option.description),
      isViable: isViableContingency(content, option),
      evidence: option.viabilityEvidence,
    })),
    ruledOut: ruledOutOptions(content).map(option => ({
      name: optionName(vocabulary, option.type),
      on: option.ruledOutOn,
      reason: option.ruledOutReason,
    })),
    permanenceByOn: content.anticipatedTimescale.permanenceByOn,
    timescaleExplanation: content.anticipatedTimescale.explanation,
    submission: plan.submission
      ? {
          sentOn: plan.submission.sentOn,
          ppmOn: plan.submission.ppmOn,
          isLate: plan.submission.isLate,
          daysLate: plan.submission.daysLate,
        }
      : null,
    endorsement: plan.endorsement,
    ratification: plan.ratification,
    achieved: plan.permanenceAchieved
      ? { on: plan.permanenceAchieved.on, route: optionName(vocabulary, plan.permanenceAchieved.route) }
      : null,
    optionChange: plan.optionChange
      ? {
          from: plan.optionChange.fromType ? optionName(vocabulary, plan.optionChange.fromType) : 'none',
          to: optionName(vocabulary, plan.optionChange.toType),
          consideredOn: plan.optionChange.consideredAtReview?.on ?? null,
          notPracticable: plan.optionChange.notReasonablyPracticable !== null,
        }
      : null,
  }
}

function actionLinks(overview: PlanOverview): { text: string; href: string; secondary: boolean }[] {
  const { permissions, latest, inForce } = overview
  const childId = overview.child.id
  const links: { text: string; href: string; secondary: boolean }[] = []
  const add = (text: string, action: string, secondary = false) =>
    links.push({ text, href: planPaths.action(childId, action), secondary })
  if (!latest) {
    return links
  }
  const status = latest.plan.status
  if (permissions.canEditPlan && status === 'draft') {
    links.push({ text: 'Edit the plan', href: planPaths.editor(childId), secondary: false })
    add('Send to the team manager', 'send', true)
    if (latest.plan.version === 1) {
      add('Delete this draft', 'delete', true)
    }
  }
  if (permissions.canEditPlan && status === 'sent-to-manager') {
    add('Take the plan back', 'withdraw', true)
  }
  if (permissions.canEndorsePlan && status === 'considered-at-ppm') {
    add('Endorse the plan', 'endorse')
  }
  if (permissions.canEndorsePlan && (status === 'sent-to-manager' || status === 'considered-at-ppm')) {
    add('Return for changes', 'return', true)
  }
  const changesOption = latest.plan.lastRatified !== null && latest.plan.optionChange === null
  if (
    permissions.canRatifyPlan &&
    changesOption &&
    ['draft', 'sent-to-manager', 'considered-at-ppm'].includes(status)
  ) {
    add('Record the review that considered the change of option', 'option-change-review', true)
  }
  if (
    permissions.canEndorsePlan &&
    changesOption &&
    ['draft', 'sent-to-manager', 'considered-at-ppm'].includes(status)
  ) {
    add('Record why the change could not wait for a review', 'option-change-not-practicable', true)
  }
  if (inForce && inForce.plan.status === 'endorsed' && permissions.canRatifyPlan) {
    add('Ratify the plan', 'ratify')
    add('Decline to ratify', 'decline', true)
  }
  if (inForce && latest.plan.version === inForce.plan.version && ['endorsed', 'ratified'].includes(status)) {
    if (permissions.canEditPlan) {
      add('Start a new version', 'new-version', true)
    }
    if (permissions.canEditPlan && inForce.plan.permanenceAchieved === null) {
      add('Record permanence achieved', 'achieved', true)
    }
  }
  return links
}

/**
 * Describes a decision for the timeline.
 * @param event - the decision
 * @returns the timeline item
 */
export function timelineItem(event: StoredDecisionEvent) {
  const details = event.details
  const kind = typeof details.kind === 'string' && details.kind in MEETING_KINDS ? details.kind : null
  return {
    title:
      event.kind === 'meeting-closed' && kind !== null
        ? `${MEETING_KINDS[kind as keyof typeof MEETING_KINDS].label} closed`
        : DECISION_WORDS[event.kind],
    by: `${event.decidedBy.name} (${ACTOR_ROLES[event.decidedBy.role].toLowerCase()})`,
    on: event.decidedOn,
    reasons: event.reasons,
    version: event.subject.type === 'plan' ? event.subject.version : null,
    isLate: event.kind === 'plan-sent-to-manager' && details.isLate === true,
    daysLate: typeof details.daysLate === 'number' ? details.daysLate : null,
  }
}

function checkRow(check: GuidanceCheck) {
  return {
    rule: check.rule,
    title: check.title,
    tag: CHECK_TAG[check.outcome],
    detail: check.detail,
    source: check.source,
  }
}

function versionRow(stored: StoredPlanVersion, childId: string) {
  const plan = stored.plan
  return {
    version: plan.version,
    status: PLAN_STATUSES[plan.status],
    statusTag: STATUS_TAG[plan.status],
    startedOn: plan.startedOn,
    sentOn: plan.submission?.sentOn ?? null,
    endorsedOn: plan.endorsement?.on ?? null,
    ratifiedOn: plan.ratification?.on ?? null,
    href: planPaths.version(childId, plan.version),
  }
}

/**
 * The plan overview page.
 * @param overview - what the use case found
 * @param today - today
 * @returns the page's values
 */
export function planOverviewView(overview: PlanOverview, today: CalendarDay) {
  const vocabulary = overview.settings.plan.vocabulary
  const childId = overview.child.id
  const latest = overview.latest?.plan
  const inForce = overview.inForce?.plan
  return {
    child: childHeaderView(overview.child, today),
    hasPlan: latest !== undefined,
    canStart: overview.permissions.canEditPlan && latest === undefined,
    startHref: planPaths.start(childId),
    inForce: inForce ? planSummary(inForce, vocabulary) : null,
    inForceIsAgreed: inForce !== undefined && (inForce.status === 'endorsed' || inForce.status === 'ratified'),
    newer: latest && inForce && latest.version !== inForce.version ? planSummary(latest, vocabulary) : null,
    actions: actionLinks(overview),
    readiness: overview.readiness.map(error => formatMessage(messageFor(error.code), error.params)),
    guidance: overview.guidance?.map(checkRow) ?? null,
    guidanceName: overview.settings.guidancePolicy,
    notMet: overview.guidance?.filter(check => check.outcome === 'not-met').length ?? 0,
    siblings: overview.siblings.map(sibling => ({
      name: sibling.name,
      href: planPaths.plan(sibling.childId),
      plan: sibling.plan ? planSummary(sibling.plan.plan, vocabulary) : null,
    })),
    versions: [...overview.versions].reverse().map(stored => versionRow(stored, childId)),
    timeline: [...overview.events].reverse().map(timelineItem),
    optionTypes: OPTION_TYPES,
    optionStatuses: OPTION_STATUSES,
  }
}
