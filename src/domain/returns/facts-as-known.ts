/**
 * A past year's return "as known at the time" (docs/adr/0032). The care record holds current facts only, so the
 * default is to derive the past return from today's facts truncated at that year's end (what happened after
 * 31 March is unknown to that return). Where the store says when each fact was first recorded
 * (`returnDetails.recordedOn`), facts first recorded after the as-known day are also left out, so late entries do
 * not appear in a return that could not have had them. Corrections to a fact's values are not undone: that needs
 * the history tables, and the caller can pass facts rebuilt from them instead.
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import type { ReturnFacts } from './return-facts.ts'

function known<T extends { readonly id: string }>(
  items: readonly T[],
  recordedOn: Readonly<Record<string, CalendarDay>>,
  day: CalendarDay,
): T[] {
  return items.filter(item => {
    const recorded = recordedOn[item.id]
    return recorded === undefined || recorded <= day
  })
}

/**
 * The facts as known on a day: facts first recorded after it are removed.
 * @param facts - the child's facts
 * @param day - the as-known day
 * @returns the facts known then (the same object when no recorded dates are held)
 */
export function factsAsKnownOn(facts: ReturnFacts, day: CalendarDay): ReturnFacts {
  const recordedOn = facts.returnDetails.recordedOn
  if (recordedOn === undefined) {
    return facts
  }
  const details = facts.returnDetails
  return {
    ...facts,
    periodsOfCare: known(facts.periodsOfCare, recordedOn, day),
    legalStatuses: known(facts.legalStatuses, recordedOn, day),
    placements: known(facts.placements, recordedOn, day),
    reviews: known(facts.reviews, recordedOn, day),
    allocations: known(facts.allocations, recordedOn, day),
    returnDetails: {
      ...details,
      adoptionJourneys: known(details.adoptionJourneys, recordedOn, day),
      missingEpisodes: known(details.missingEpisodes, recordedOn, day),
      deprivationOfLibertyOrders: known(details.deprivationOfLibertyOrders, recordedOn, day),
    },
  }
}
