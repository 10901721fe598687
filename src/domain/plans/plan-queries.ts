/**
 * Read-only questions about a plan's balance sheet: which option is the plan, which run alongside it, what the
 * fallback is, and whether that fallback is viable. Used by the rules, the guidance checks, the documents and the
 * dashboards (issue 5: "plans with no viable contingency").
 */
import type { Assessment, PermanenceOption, PlanContent } from './plan-schemas.ts'
import type { OptionType } from './permanence-options.ts'

/**
 * The primary plan: the one option flagged as THE plan ([DOR] "Only choose one Permanence option").
 * @param content - the plan content
 * @returns the primary option, or undefined when none (or more than one) is flagged
 */
export function primaryOption(content: PlanContent): PermanenceOption | undefined {
  const primaries = content.options.filter(option => option.isPrimary)
  return primaries.length === 1 ? primaries[0] : undefined
}

/**
 * The canonical type of the primary plan.
 * @param content - the plan content
 * @returns the type, or null when there is no single primary option
 */
export function primaryOptionType(content: PlanContent): OptionType | null {
  return primaryOption(content)?.type ?? null
}

/**
 * Options worked on alongside the primary plan (twin or triple tracking, [TAM] §10.3).
 * @param content - the plan content
 * @returns the parallel tracks
 */
export function parallelTracks(content: PlanContent): PermanenceOption[] {
  return content.options.filter(option => !option.isPrimary && option.status === 'parallel-track')
}

/**
 * Options recorded as the contingency plan.
 * @param content - the plan content
 * @returns the contingencies
 */
export function contingencies(content: PlanContent): PermanenceOption[] {
  return content.options.filter(option => !option.isPrimary && option.status === 'contingency')
}

/**
 * Options ruled out.
 * @param content - the plan content
 * @returns the ruled-out options
 */
export function ruledOutOptions(content: PlanContent): PermanenceOption[] {
  return content.options.filter(option => option.status === 'ruled-out')
}

/** How many tracks are being worked at once: the primary plus its parallel tracks. */
export type TrackingKind = 'none' | 'single' | 'twin' | 'triple' | 'more-than-triple'

/**
 * Single, twin or triple tracking.
 * @param content - the plan content
 * @returns the tracking kind ('none' when there is no single primary plan)
 */
export function trackingKind(content: PlanContent): TrackingKind {
  if (primaryOption(content) === undefined) {
    return 'none'
  }
  const tracks = 1 + parallelTracks(content).length
  return tracks === 1 ? 'single' : tracks === 2 ? 'twin' : tracks === 3 ? 'triple' : 'more-than-triple'
}

/**
 * The assessments an option links to (ids that match nothing are skipped; the structure rules report them).
 * @param content - the plan content
 * @param option - the option
 * @returns its assessments
 */
export function assessmentsFor(content: PlanContent, option: PermanenceOption): Assessment[] {
  return option.assessmentIds
    .map(id => content.assessments.find(assessment => assessment.id === id))
    .filter((assessment): assessment is Assessment => assessment !== undefined)
}

/**
 * Whether a contingency is viable: we have said how we know ([TAM] App 5 "how do we know it is viable?") and no
 * assessment linked to it came back negative ([TAM] §10.3 "Work must be undertaken to ensure that identified
 * contingency plans are viable").
 * @param content - the plan content
 * @param option - a contingency option
 * @returns true when viable
 */
export function isViableContingency(content: PlanContent, option: PermanenceOption): boolean {
  return (
    option.status === 'contingency' &&
    !option.isPrimary &&
    option.viabilityEvidence.trim() !== '' &&
    !assessmentsFor(content, option).some(assessment => assessment.outcome === 'negative')
  )
}

/**
 * Whether the plan has at least one viable contingency.
 * @param content - the plan content
 * @returns true when it does
 */
export function hasViableContingency(content: PlanContent): boolean {
  return contingencies(content).some(option => isViableContingency(content, option))
}

/**
 * Whether the child's views are recorded, or the reason they are not.
 * @param content - the plan content
 * @returns true when either is written
 */
export function areChildViewsRecorded(content: PlanContent): boolean {
  const child = content.views.child
  return child.views.trim() !== '' || child.notCapturedReason.trim() !== ''
}
