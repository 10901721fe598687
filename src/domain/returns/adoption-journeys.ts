/**
 * Adoption journeys with their derived dates filled in. A journey may leave the placement order, placed and adoption
 * order dates null; they are then read from the care record, as the adoption scorecard reads them from 903 fields
 * (national-returns.md §3.3): the placement order from the first E1 (placement order) or D1 (freeing order) legal
 * status in the period of care, "placed" from the first A3–A6 placement on or after the decision, and the adoption
 * order from the period of care ending E11 or E12.
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { isWithin, type PeriodOfCare } from '../children/care-record.ts'
import { isPlacedForAdoption, type ReasonCareEnded } from '../children/codes.ts'
import type { AdoptionJourney, ReturnFacts } from './return-facts.ts'

/** A journey with every date it can have, and the period of care it belongs to. */
export interface ResolvedAdoptionJourney extends AdoptionJourney {
  readonly periodOfCare: PeriodOfCare | null
}

/** Reasons a period of care ends that mean the child was adopted (REC E11, E12). */
export const ADOPTED_REASONS: ReadonlySet<ReasonCareEnded> = new Set<ReasonCareEnded>([
  'adopted-unopposed',
  'adopted-consent-dispensed',
])

/**
 * The period of care a day belongs to: the one open that day, else the latest one that started before it.
 * @param facts - the child's facts
 * @param day - the day
 * @returns the period, or null
 */
export function periodForDay(facts: ReturnFacts, day: CalendarDay): PeriodOfCare | null {
  const open = facts.periodsOfCare.find(period => isWithin(day, period.startedOn, period.endedOn))
  if (open) {
    return open
  }
  const before = facts.periodsOfCare
    .filter(period => period.startedOn <= day)
    .sort((a, b) => compareCalendarDays(b.startedOn, a.startedOn))
  return before[0] ?? null
}

/**
 * Resolves a child's adoption journeys, oldest decision first.
 * @param facts - the child's facts
 * @returns the journeys with derived dates
 */
export function resolveAdoptionJourneys(facts: ReturnFacts): ResolvedAdoptionJourney[] {
  return [...facts.returnDetails.adoptionJourneys]
    .sort((a, b) => compareCalendarDays(a.decidedOn, b.decidedOn))
    .map(journey => {
      const period = periodForDay(facts, journey.decidedOn)
      if (period === null) {
        return { ...journey, periodOfCare: null }
      }
      const inPeriod = (day: CalendarDay) => isWithin(day, period.startedOn, period.endedOn)
      const orderSpell = [...facts.legalStatuses]
        .filter(
          spell =>
            inPeriod(spell.startedOn) && (spell.status === 'placement-order' || spell.status === 'freeing-order'),
        )
        .sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))[0]
      const adoptivePlacement = [...facts.placements]
        .filter(
          placement =>
            inPeriod(placement.startedOn) &&
            placement.startedOn >= journey.decidedOn &&
            isPlacedForAdoption(placement.placementType),
        )
        .sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))[0]
      const wasAdopted = period.reasonEnded !== null && ADOPTED_REASONS.has(period.reasonEnded)
      const isCeasedFirst =
        journey.decisionCeasedOn !== null && period.endedOn !== null && journey.decisionCeasedOn <= period.endedOn
      return {
        ...journey,
        periodOfCare: period,
        placementOrderOn: journey.placementOrderOn ?? orderSpell?.startedOn ?? null,
        placedOn: journey.placedOn ?? adoptivePlacement?.startedOn ?? null,
        adoptionOrderOn: journey.adoptionOrderOn ?? (wasAdopted && !isCeasedFirst ? period.endedOn : null),
      }
    })
}
