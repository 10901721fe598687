/**
 * Derives SSDA903 episodes from a care record (national-returns.md §1.3): a new episode whenever the legal status
 * or the placement changes; RNE from what changed; REC `X1` when another episode follows in the same period of
 * care (so DEC equals the next DECOM), otherwise the period's reason ended; REASON_PLACE_CHANGE on the ceasing
 * episode when the next one changes placement, unless either placement is temporary (rules 225 and 226).
 *
 * "Same carer" (RNE T or U) means both placements name the same carer. Moves into or out of a temporary placement
 * are always P or B, as rules 380 and 383 require. Two legal status spells with the same status back to back are
 * one 903 legal status; two placement facts are two placements even when their 903 fields match (rule 435 then
 * reports them).
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { isWithin, type LegalStatusSpell, type PeriodOfCare, type Placement } from '../children/care-record.ts'
import {
  isTemporaryPlacement,
  type CategoryOfNeed,
  type LegalStatus,
  type ReasonPlacementEnded,
} from '../children/codes.ts'
import type { ReasonEpisodeCeased, ReasonNewEpisode } from './code-maps.ts'
import type { ReturnFacts } from './return-facts.ts'

/** One 903 episode, in canonical values. */
export interface DerivedEpisode {
  readonly periodOfCareId: string
  /** DECOM. */
  readonly startedOn: CalendarDay
  /** DEC: the first day away, or null while open. */
  readonly endedOn: CalendarDay | null
  readonly reasonNewEpisode: ReasonNewEpisode
  /** Null when no legal status covers the start day (a gap the export reports). */
  readonly legalStatus: LegalStatus | null
  readonly legalStatusSpellId: string | null
  /** Null when no placement covers the start day. */
  readonly placement: Placement | null
  readonly reasonCeased: ReasonEpisodeCeased | null
  readonly reasonPlacementChanged: ReasonPlacementEnded | null
  readonly categoryOfNeed: CategoryOfNeed | null
  readonly homePostcode: string | null
}

interface Segment {
  readonly startedOn: CalendarDay
  readonly spell: LegalStatusSpell | undefined
  readonly placement: Placement | undefined
}

/**
 * Whether two placements are with the same carer: both name a carer and it is the same person.
 * @param a - the earlier placement
 * @param b - the later placement
 * @returns true for the same carer
 */
export function isSameCarer(a: Placement, b: Placement): boolean {
  return a.carerPersonId !== null && a.carerPersonId === b.carerPersonId
}

function byStart<T extends { readonly startedOn: CalendarDay }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
}

function reasonNewEpisode(previous: Segment, current: Segment): ReasonNewEpisode {
  const isLegalStatusChange = previous.spell?.status !== current.spell?.status
  const isPlacementChange = previous.placement?.id !== current.placement?.id
  if (!isPlacementChange) {
    return 'legal-status-change'
  }
  const isSame =
    previous.placement !== undefined &&
    current.placement !== undefined &&
    !isTemporaryPlacement(previous.placement.placementType) &&
    !isTemporaryPlacement(current.placement.placementType) &&
    isSameCarer(previous.placement, current.placement)
  if (isLegalStatusChange) {
    return isSame ? 'legal-status-and-placement-change-same-carer' : 'legal-status-and-placement-change'
  }
  return isSame ? 'placement-change-same-carer' : 'placement-change'
}

function episodesOfPeriod(facts: ReturnFacts, period: PeriodOfCare): DerivedEpisode[] {
  const inPeriod = (day: CalendarDay) => isWithin(day, period.startedOn, period.endedOn)
  const spells = byStart(facts.legalStatuses.filter(spell => inPeriod(spell.startedOn)))
  const placements = byStart(facts.placements.filter(placement => inPeriod(placement.startedOn)))
  const days = new Set<CalendarDay>([period.startedOn])
  for (const span of [...spells, ...placements]) {
    days.add(span.startedOn)
    if (span.endedOn !== null && inPeriod(span.endedOn)) {
      days.add(span.endedOn)
    }
  }
  const segments: Segment[] = []
  for (const day of [...days].sort(compareCalendarDays)) {
    const spell = spells.find(s => isWithin(day, s.startedOn, s.endedOn))
    const placement = placements.find(p => isWithin(day, p.startedOn, p.endedOn))
    const last = segments[segments.length - 1]
    if (last && last.spell?.status === spell?.status && last.placement?.id === placement?.id) {
      continue
    }
    segments.push({ startedOn: day, spell, placement })
  }
  const homePostcode =
    facts.returnDetails.periodsOfCare.find(details => details.periodOfCareId === period.id)?.homePostcode ?? null
  return segments.map((segment, index): DerivedEpisode => {
    const previous = segments[index - 1]
    const next = segments[index + 1]
    const rne: ReasonNewEpisode = previous === undefined ? 'started' : reasonNewEpisode(previous, segment)
    const nextRne = next === undefined ? undefined : reasonNewEpisode(segment, next)
    const changesPlacement = nextRne !== undefined && nextRne !== 'legal-status-change'
    const isTemporaryMove =
      (segment.placement !== undefined && isTemporaryPlacement(segment.placement.placementType)) ||
      (next?.placement !== undefined && isTemporaryPlacement(next.placement.placementType))
    return {
      periodOfCareId: period.id,
      startedOn: segment.startedOn,
      endedOn: next?.startedOn ?? period.endedOn,
      reasonNewEpisode: rne,
      legalStatus: segment.spell?.status ?? null,
      legalStatusSpellId: segment.spell?.id ?? null,
      placement: segment.placement ?? null,
      reasonCeased: next !== undefined ? 'continues' : period.endedOn === null ? null : period.reasonEnded,
      reasonPlacementChanged: changesPlacement && !isTemporaryMove ? (segment.placement?.reasonEnded ?? null) : null,
      categoryOfNeed: period.categoryOfNeed,
      homePostcode,
    }
  })
}

/**
 * Every 903 episode in a child's history, oldest first.
 * @param facts - the child's facts
 * @returns the episodes
 */
export function deriveEpisodes(facts: ReturnFacts): DerivedEpisode[] {
  return byStart(facts.periodsOfCare).flatMap(period => episodesOfPeriod(facts, period))
}

/**
 * The episodes a collection year's return carries, as known at its end: every episode open at any point from
 * `start` to `end`; anything that ended after `end` is shown open (DEC, REC and REASON_PLACE_CHANGE blank).
 * @param episodes - the child's episodes
 * @param start - the first day of the collection year
 * @param end - the last day of the collection year
 * @returns the episodes for the return
 */
export function episodesInYear(
  episodes: readonly DerivedEpisode[],
  start: CalendarDay,
  end: CalendarDay,
): DerivedEpisode[] {
  return episodes
    .filter(episode => episode.startedOn <= end && (episode.endedOn === null || episode.endedOn >= start))
    .map(episode =>
      episode.endedOn !== null && episode.endedOn > end
        ? { ...episode, endedOn: null, reasonCeased: null, reasonPlacementChanged: null }
        : episode,
    )
}
