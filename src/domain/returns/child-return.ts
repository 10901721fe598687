/**
 * One child's rows in one collection year's SSDA903 return, and the failures found building them. The export
 * (build-return.ts) and validation as you go (validate-return-facts.ts) share this, so what is checked is exactly
 * what would be sent.
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { collectionEnd, collectionStart, collectionYearLabel, type CollectionYear } from './collection-year.ts'
import { accommodationCode, codeFor, CODE_LIST_RULES, type CanonicalValues, type CodeListName } from './code-maps.ts'
import { deriveEpisodes, episodesInYear, type DerivedEpisode } from './episodes.ts'
import { ADOPTED_REASONS, resolveAdoptionJourneys } from './adoption-journeys.ts'
import { formatPartialReturnDate, formatReturnDate } from './return-dates.ts'
import type { ReturnFacts } from './return-facts.ts'
import { checkChildRules, type EpisodeRow } from './return-rules.ts'
import { TABLE_COLUMNS, type TableName } from './tables.ts'
import type { ValidationFailure } from './validation-failure.ts'

/** A child's data rows (no header) per table. */
export type ChildRows = { [T in TableName]?: string[][] }

/** What one child contributes to a return. */
export interface ChildReturn {
  readonly rows: ChildRows
  readonly failures: ValidationFailure[]
  /** The child's episodes in the year, with their codes, for cross-year checks. */
  readonly episodes: EpisodeRow[]
}

/** Builds failure records for one child. */
export interface FailureSink {
  add(rule: string, table: TableName, field: string, message: string, severity?: 'error' | 'warning'): void
}

const flag = (value: boolean | null): string => (value === null ? '' : value ? '1' : '0')
const text = (value: string | null | undefined): string => (value ?? '').toUpperCase()

/**
 * Builds one child's rows for a collection year.
 * @param facts - the child's facts (already filtered "as known" if wanted)
 * @param year - the collection year
 * @returns rows, failures and the coded episodes
 */
export function buildChildReturn(facts: ReturnFacts, year: CollectionYear): ChildReturn {
  const start = collectionStart(year)
  const end = collectionEnd(year)
  const { child } = facts
  const details = facts.returnDetails
  const laChildId = child.localCaseNumber
  const failures: ValidationFailure[] = []
  const sink: FailureSink = {
    add(rule, table, field, message, severity = 'error') {
      failures.push({ rule, childId: child.id, laChildId, table, field, message, severity })
    },
  }
  const code = <L extends CodeListName>(
    list: L,
    value: CanonicalValues[L] | null,
    table: TableName,
    field: string,
  ): string => {
    if (value === null) {
      return ''
    }
    const found = codeFor(list, value, year)
    if (found === undefined) {
      sink.add(
        CODE_LIST_RULES[list],
        table,
        field,
        `"${value}" has no ${field} code in ${collectionYearLabel(year)}; record it with a value the return accepts`,
      )
      return ''
    }
    return found
  }
  const upToEnd = (day: CalendarDay | null): string => (day !== null && day <= end ? formatReturnDate(day) : '')
  const dob = formatReturnDate(child.dateOfBirthOn)
  const rows: ChildRows = {}
  const push = (table: TableName, row: string[]) => {
    ;(rows[table] ??= []).push(row)
  }

  const derived: DerivedEpisode[] = episodesInYear(deriveEpisodes(facts), start, end)
  const episodes: EpisodeRow[] = derived.map(episode => {
    const placement = episode.placement
    const placeCode = code('PLACE', placement?.placementType ?? null, 'Episodes', 'PLACE')
    const noProvider = /^(T[0-4]|Z1[1-4])$/.test(placeCode)
    const cells = {
      CHILD: laChildId,
      DECOM: formatReturnDate(episode.startedOn),
      RNE: code('RNE', episode.reasonNewEpisode, 'Episodes', 'RNE'),
      LS: code('LS', episode.legalStatus, 'Episodes', 'LS'),
      CIN: code('CIN', episode.categoryOfNeed, 'Episodes', 'CIN'),
      PLACE: placeCode,
      // Rules 178 and 213: no provider for temporary (T0–T4) or Z11–Z14 placements.
      PLACE_PROVIDER: noProvider
        ? ''
        : code('PLACE_PROVIDER', placement?.providerType ?? null, 'Episodes', 'PLACE_PROVIDER'),
      DEC: formatReturnDate(episode.endedOn),
      REC: code('REC', episode.reasonCeased, 'Episodes', 'REC'),
      REASON_PLACE_CHANGE: code(
        'REASON_PLACE_CHANGE',
        episode.reasonPlacementChanged,
        'Episodes',
        'REASON_PLACE_CHANGE',
      ),
      HOME_POST: text(episode.homePostcode),
      PL_POST: text(placement?.postcode),
      URN: text(placement?.ofstedUrn),
    }
    return { episode, cells }
  })

  const hasEpisodes = episodes.length > 0
  const careLeaver = details.careLeaverOutcomes.find(outcome => outcome.collectionYear === year)
  if (!hasEpisodes && careLeaver === undefined) {
    return { rows, failures, episodes }
  }

  // Header (one row per child in Episodes or OC3; the DfE portal's undocumented EPI check).
  const sexCode = code('SEX', child.sex, 'Header', 'SEX')
  push('Header', [
    laChildId,
    sexCode,
    dob,
    code('ETHNIC', child.ethnicity, 'Header', 'ETHNIC'),
    text(child.upn),
    child.sex === 'female' ? flag(details.isMother) : '',
    child.sex === 'female' ? formatReturnDate(details.firstChildBornOn) : '',
  ])

  for (const { cells } of episodes) {
    push(
      'Episodes',
      TABLE_COLUMNS.Episodes.map(column => cells[column] ?? ''),
    )
  }

  if (hasEpisodes) {
    for (const review of [...facts.reviews].sort((a, b) => compareCalendarDays(a.heldOn, b.heldOn))) {
      if (review.heldOn >= start && review.heldOn <= end) {
        push('Reviews', [
          laChildId,
          dob,
          formatReturnDate(review.heldOn),
          code('REVIEW_CODE', review.participation, 'Reviews', 'REVIEW_CODE'),
        ])
      }
    }

    // UASC: the child was unaccompanied and asylum-seeking at some point in the year (the validator sets Header
    // UASC=1 for every child in uasc.csv).
    const ceased = details.uascCeasedOn
    if ((child.isUnaccompaniedAsylumSeeker || ceased !== null) && (ceased === null || ceased >= start)) {
      push('UASC', [laChildId, sexCode, dob, upToEnd(ceased)])
    }

    const journeys = resolveAdoptionJourneys(facts)
    const adoptedPeriods = facts.periodsOfCare.filter(
      period =>
        period.endedOn !== null &&
        period.endedOn >= start &&
        period.endedOn <= end &&
        period.reasonEnded !== null &&
        ADOPTED_REASONS.has(period.reasonEnded),
    )
    for (const period of adoptedPeriods) {
      const journey = journeys.filter(j => j.periodOfCare?.id === period.id).pop()
      if (journey === undefined) {
        sink.add('601', 'AD1', 'DATE_INT', 'The child was adopted in the year; record the adoption decision and match')
        push('AD1', [laChildId, dob, '', '', '', '', '', ''])
        continue
      }
      const adopters = journey.adopters
      const missing = [
        journey.matchedOn === null ? 'DATE_MATCH' : null,
        journey.isAdoptedByFosterCarers === null ? 'FOSTER_CARE' : null,
        adopters === null ? 'NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR' : null,
      ].filter(field => field !== null)
      for (const field of missing) {
        sink.add('601', 'AD1', field, `The child was adopted in the year; record ${field}`)
      }
      push('AD1', [
        laChildId,
        dob,
        formatReturnDate(journey.decidedOn),
        formatReturnDate(journey.matchedOn),
        flag(journey.isAdoptedByFosterCarers),
        adopters === null ? '' : String(adopters.count),
        adopters === null ? '' : code('SEX_ADOPTR', adopters.sexes, 'AD1', 'SEX_ADOPTR'),
        adopters === null ? '' : code('LS_ADOPTR', adopters.legalStatus, 'AD1', 'LS_ADOPTR'),
      ])
    }

    for (const journey of journeys) {
      const closedBefore =
        (journey.decisionCeasedOn !== null && journey.decisionCeasedOn < start) ||
        (journey.adoptionOrderOn !== null && journey.adoptionOrderOn < start)
      if (journey.decidedOn > end || closedBefore) {
        continue
      }
      const isCeasedInYear = journey.decisionCeasedOn !== null && journey.decisionCeasedOn <= end
      push('PlacedAdoption', [
        laChildId,
        dob,
        formatReturnDate(journey.decidedOn),
        isCeasedInYear ? formatReturnDate(journey.decisionCeasedOn) : '',
        isCeasedInYear
          ? code('REASON_PLACED_CEASED', journey.decisionCeasedReason, 'PlacedAdoption', 'REASON_PLACED_CEASED')
          : '',
      ])
    }

    // PrevPerm: one row for a child who started a period of care in the year (rule 630), about the latest one.
    const started = facts.periodsOfCare
      .filter(period => period.startedOn >= start && period.startedOn <= end)
      .sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
      .pop()
    if (started !== undefined) {
      const periodDetails = details.periodsOfCare.find(d => d.periodOfCareId === started.id)
      push('PrevPerm', [
        laChildId,
        dob,
        code('PREV_PERM', started.previousPermanence, 'PrevPerm', 'PREV_PERM'),
        text(periodDetails?.previousPermanenceAuthority),
        formatPartialReturnDate(periodDetails?.previousPermanenceOn ?? null),
      ])
    }

    for (const episode of [...details.missingEpisodes].sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))) {
      if (episode.startedOn <= end && (episode.returnedOn === null || episode.returnedOn >= start)) {
        push('Missing', [
          laChildId,
          dob,
          code('MISSING', episode.kind, 'Missing', 'MISSING'),
          formatReturnDate(episode.startedOn),
          upToEnd(episode.returnedOn),
        ])
      }
    }

    if (year >= 2024) {
      const allocations = [...facts.allocations]
        .filter(a => a.startedOn <= end && (a.endedOn === null || a.endedOn >= start))
        .sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
      for (const allocation of allocations) {
        const sw = details.socialWorkerEpisodes.find(d => d.allocationId === allocation.id)
        if (sw === undefined) {
          sink.add('SW02STG1', 'SWEpisodes', 'SW_ID', 'Record the social worker’s 903 identifier (starting SW or XX)')
        }
        push('SWEpisodes', [
          laChildId,
          dob,
          text(sw?.socialWorkerRef),
          formatReturnDate(allocation.startedOn),
          upToEnd(allocation.endedOn),
          code('SW_REASON', sw?.changeReason ?? null, 'SWEpisodes', 'SW_REASON'),
        ])
      }
    }

    if (year >= 2027) {
      for (const order of [...details.deprivationOfLibertyOrders].sort((a, b) =>
        compareCalendarDays(a.startedOn, b.startedOn),
      )) {
        if (order.startedOn <= end && (order.endedOn === null || order.endedOn >= start)) {
          push('DoLo', [laChildId, dob, formatReturnDate(order.startedOn), upToEnd(order.endedOn)])
        }
      }
    }

    const health = details.healthOutcomes.find(outcome => outcome.collectionYear === year)
    if (health !== undefined) {
      push('OC2', [
        laChildId,
        dob,
        health.sdqScore === null ? '' : String(health.sdqScore),
        code('SDQ_REASON', health.sdqReason, 'OC2', 'SDQ_REASON'),
        flag(health.isConvicted),
        flag(health.hasHealthCheck),
        flag(health.hasImmunisations),
        flag(health.hasTeethCheck),
        flag(health.hasHealthAssessment),
        flag(health.hasSubstanceMisuse),
        flag(health.hasInterventionReceived),
        flag(health.hasInterventionOffered),
      ])
    }
  }

  if (careLeaver !== undefined) {
    const accom = accommodationCode(careLeaver.accommodation, careLeaver.isAccommodationSuitable)
    if (accom === undefined) {
      sink.add('133', 'OC3', 'ACCOM', 'The accommodation and its suitability do not make an OC3 ACCOM code')
    }
    push('OC3', [
      laChildId,
      dob,
      code('IN_TOUCH', careLeaver.contact, 'OC3', 'IN_TOUCH'),
      code('ACTIV', careLeaver.activity, 'OC3', 'ACTIV'),
      accom ?? '',
    ])
  }

  checkChildRules(facts, year, episodes, rows, sink)
  return { rows, failures, episodes }
}

/**
 * Whether a child is looked after at any point in a collection year.
 * @param facts - the child's facts
 * @param year - the collection year
 * @returns true when a period of care overlaps the year
 */
export function isLookedAfterInYear(facts: ReturnFacts, year: CollectionYear): boolean {
  const start = collectionStart(year)
  const end = collectionEnd(year)
  return facts.periodsOfCare.some(
    period => period.startedOn <= end && (period.endedOn === null || period.endedOn >= start),
  )
}
