/**
 * Rebuilds canonical facts per child from several years of SSDA903 returns (issue 8), stitching episodes across
 * years: the same episode appears in consecutive returns while it is open, so episodes are matched by child and
 * DECOM. A later return wins; where it disagrees with an earlier one about an episode the earlier one had closed,
 * or leaves out an episode the earlier one showed still open, the difference is reported with its reason
 * (docs/adr/0033). After merging, a child's episodes must form a coherent chain (no overlaps, X1 followed by the
 * next episode on the same day, a period of care ending before a new one starts with S; the validator's 502, 503
 * and 562 rules define the same coherence across years). A child whose chain is broken is rejected whole, with
 * every reason.
 *
 * Output is deterministic: ids are name-based UUIDs of the LA child ID and the fact's dates (stable-id.ts), and
 * children and facts are sorted, so importing the same files twice yields identical facts.
 *
 * What 903 cannot tell us is left empty: names, carers' identities (placeholder carers keep "same carer" chains
 * for RNE T and U), return-interview flags, and anything before the earliest return (a period of care already
 * under way in the earliest return starts at its earliest episode, with a warning).
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import type { LegalStatusSpell, PeriodOfCare, Person, Placement, StatutoryReview } from '../children/care-record.ts'
import {
  isTemporaryPlacement,
  type CategoryOfNeed,
  type Ethnicity,
  type LegalStatus,
  type PlacementType,
  type ProviderType,
  type ReasonPlacementEnded,
  type Sex,
} from '../children/codes.ts'
import { collectionEnd, collectionStart, collectionYearLabel, type CollectionYear } from './collection-year.ts'
import { accommodationFromCode, canonicalFor, type ReasonEpisodeCeased, type ReasonNewEpisode } from './code-maps.ts'
import { parsePartialReturnDate, parseReturnDate } from './return-dates.ts'
import type {
  AdoptionJourney,
  CareLeaverOutcomes,
  DeprivationOfLibertyOrder,
  HealthOutcomes,
  MissingEpisode,
  PeriodOfCareReturnDetails,
  ReturnDetails,
  SocialWorkerChangeReason,
} from './return-facts.ts'
import type { ParsedRow, ParsedTables } from './parse-files.ts'
import { stableFactId } from './stable-id.ts'
import { resolveAdoptionJourneys } from './adoption-journeys.ts'
import { importedChildToReturnFacts } from './imported-child-facts.ts'
import type { TableName } from './tables.ts'

export interface ImportYear {
  readonly year: CollectionYear
  readonly tables: ParsedTables
}

/** How to treat a later return that changes an episode an earlier return had already closed. */
export type ClosedEpisodePolicy = 'later-wins' | 'reject'

export interface StitchOptions {
  /** Default `later-wins`: the correction is taken and reported as a warning. */
  readonly closedEpisodeChanges?: ClosedEpisodePolicy
}

export type ImportProblemKind =
  | 'closed-episode-changed'
  | 'episode-dropped-by-later-return'
  | 'child-details-changed'
  | 'period-start-before-earliest-return'
  | 'category-of-need-changed'
  | 'legal-status-changed-on-l-episode'
  | 'previous-permanence-without-new-period'
  | 'open-episode-not-last'
  | 'episodes-overlap'
  | 'x1-without-continuation'
  | 'new-period-without-s'
  | 'ended-without-reason'
  | 'missing-header'

/** A problem found while stitching: fatal problems reject the child whole. */
export interface ImportProblem {
  readonly laChildId: string
  readonly kind: ImportProblemKind
  readonly severity: 'fatal' | 'warning'
  readonly year: CollectionYear | null
  readonly table: TableName
  readonly row: number | null
  readonly message: string
}

export interface ImportedChildDetails {
  readonly dateOfBirthOn: CalendarDay
  readonly sex: Sex
  readonly ethnicity: Ethnicity
  readonly upn: string | null
  readonly isUnaccompaniedAsylumSeeker: boolean
}

/** A 903 social worker episode, kept apart from allocations because 903 names workers by SW_ID only. */
export interface ImportedSocialWorkerEpisode {
  readonly id: string
  readonly socialWorkerRef: string
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
  readonly changeReason: SocialWorkerChangeReason | null
}

/** One child's facts rebuilt from the returns. */
export interface ImportedChild {
  readonly laChildId: string
  /** Stable id of the child. */
  readonly childId: string
  readonly details: ImportedChildDetails
  readonly periodsOfCare: readonly PeriodOfCare[]
  readonly legalStatuses: readonly LegalStatusSpell[]
  readonly placements: readonly Placement[]
  /** Placeholder carers, one per chain of placements 903 says were with the same carer (RNE T or U). */
  readonly carers: readonly Person[]
  readonly reviews: readonly StatutoryReview[]
  readonly socialWorkerEpisodes: readonly ImportedSocialWorkerEpisode[]
  /** Everything else, with `socialWorkerEpisodes` empty (see above). */
  readonly returnDetails: ReturnDetails
  /** The collection years this child appears in. */
  readonly years: readonly CollectionYear[]
}

export interface StitchResult {
  readonly children: ImportedChild[]
  readonly problems: ImportProblem[]
}

interface Sourced {
  readonly year: CollectionYear
  readonly row: ParsedRow
}

interface Episode {
  readonly year: CollectionYear
  readonly row: number
  readonly startedOn: CalendarDay
  readonly endedOn: CalendarDay | null
  readonly rne: ReasonNewEpisode
  readonly legalStatus: LegalStatus
  readonly categoryOfNeed: CategoryOfNeed
  readonly placementType: PlacementType
  readonly provider: ProviderType | null
  readonly rec: ReasonEpisodeCeased | null
  readonly reasonPlaceChange: ReasonPlacementEnded | null
  readonly homePostcode: string | null
  readonly postcode: string | null
  readonly urn: string | null
}

const byDay =
  <T>(key: (item: T) => CalendarDay) =>
  (a: T, b: T) =>
    compareCalendarDays(key(a), key(b))

function value(row: ParsedRow, column: string): string | null {
  return row.values[column] ?? null
}

function day(row: ParsedRow, column: string): CalendarDay | null {
  const text = value(row, column)
  return text === null ? null : (parseReturnDate(text) ?? null)
}

function flag(row: ParsedRow, column: string): boolean | null {
  const text = value(row, column)
  return text === null ? null : text === '1'
}

function code<L extends Parameters<typeof canonicalFor>[0]>(
  list: L,
  row: ParsedRow,
  column: string,
  year: CollectionYear,
) {
  const text = value(row, column)
  return text === null ? null : (canonicalFor(list, text, year) ?? null)
}

function groupByChild(years: readonly ImportYear[], table: TableName): Map<string, Sourced[]> {
  const byChild = new Map<string, Sourced[]>()
  for (const { year, tables } of years) {
    for (const row of tables[table] ?? []) {
      const child = value(row, 'CHILD')
      if (child === null) {
        continue
      }
      const list = byChild.get(child) ?? []
      list.push({ year, row })
      byChild.set(child, list)
    }
  }
  return byChild
}

/** The latest year's row for each key; earlier rows with the same key are replaced. */
function latestByKey(rows: readonly Sourced[], key: (row: ParsedRow) => string | null): Map<string, Sourced> {
  const result = new Map<string, Sourced>()
  for (const sourced of [...rows].sort((a, b) => a.year - b.year)) {
    const k = key(sourced.row)
    if (k !== null) {
      result.set(k, sourced)
    }
  }
  return result
}

/**
 * Stitches several years of returns into one set of facts per child.
 * @param years - each collection year with its parsed tables (any order)
 * @param options - how to treat changes to closed episodes
 * @returns the children that stitched cleanly, and every problem (fatal ones name the rejected children)
 */
export function stitchSsda903Years(years: readonly ImportYear[], options: StitchOptions = {}): StitchResult {
  const sorted = [...years].sort((a, b) => a.year - b.year)
  const grouped = new Map<TableName, Map<string, Sourced[]>>()
  const tableNames: TableName[] = [
    'Header',
    'Episodes',
    'Reviews',
    'UASC',
    'OC2',
    'OC3',
    'AD1',
    'PlacedAdoption',
    'PrevPerm',
    'Missing',
    'SWEpisodes',
    'DoLo',
  ]
  for (const name of tableNames) {
    grouped.set(name, groupByChild(sorted, name))
  }
  const childIds = new Set<string>()
  for (const byChild of grouped.values()) {
    for (const id of byChild.keys()) {
      childIds.add(id)
    }
  }
  const children: ImportedChild[] = []
  const problems: ImportProblem[] = []
  for (const laChildId of [...childIds].sort()) {
    const rowsOf = (table: TableName) => grouped.get(table)?.get(laChildId) ?? []
    const result = stitchChild(laChildId, sorted, rowsOf, options)
    problems.push(...result.problems)
    if (result.child !== null) {
      children.push(result.child)
    }
  }
  return { children, problems }
}

function stitchChild(
  laChildId: string,
  years: readonly ImportYear[],
  rowsOf: (table: TableName) => readonly Sourced[],
  options: StitchOptions,
): { child: ImportedChild | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = []
  const problem = (
    kind: ImportProblemKind,
    severity: 'fatal' | 'warning',
    year: CollectionYear | null,
    table: TableName,
    row: number | null,
    message: string,
  ) => problems.push({ laChildId, kind, severity, year, table, row, message })
  const id = (kind: string, ...parts: string[]) => stableFactId(laChildId, kind, ...parts)

  // Child details: the latest Header wins; changes are reported.
  const headers = [...rowsOf('Header')].sort((a, b) => a.year - b.year)
  const header = headers[headers.length - 1]
  if (header === undefined) {
    problem('missing-header', 'fatal', null, 'Header', null, 'The child has rows but no Header row in any return')
    return { child: null, problems }
  }
  for (let i = 1; i < headers.length; i += 1) {
    const before = headers[i - 1]!
    const after = headers[i]!
    for (const column of ['DOB', 'ETHNIC', 'UPN']) {
      if (value(before.row, column) !== value(after.row, column)) {
        problem(
          'child-details-changed',
          'warning',
          after.year,
          'Header',
          after.row.row,
          `${column} was ${value(before.row, column) ?? 'blank'} in ${collectionYearLabel(before.year)} and is ${value(after.row, column) ?? 'blank'} in ${collectionYearLabel(after.year)}; the later return is used`,
        )
      }
    }
  }
  const sex = code('SEX', header.row, 'SEX', header.year) ?? 'unknown'

  // Episodes: match by DECOM across years; a later return wins.
  const episodes = new Map<CalendarDay, Episode>()
  const present = new Set(years.map(y => y.year))
  const byYear = new Map<CollectionYear, Sourced[]>()
  for (const sourced of rowsOf('Episodes')) {
    const list = byYear.get(sourced.year) ?? []
    list.push(sourced)
    byYear.set(sourced.year, list)
  }
  const isReject = options.closedEpisodeChanges === 'reject'
  for (const { year } of years) {
    const rows = byYear.get(year) ?? []
    const decoms = new Set<CalendarDay>()
    for (const { row } of rows) {
      const startedOn = day(row, 'DECOM')!
      decoms.add(startedOn)
      const episode: Episode = {
        year,
        row: row.row,
        startedOn,
        endedOn: day(row, 'DEC'),
        rne: code('RNE', row, 'RNE', year)!,
        legalStatus: code('LS', row, 'LS', year)!,
        categoryOfNeed: code('CIN', row, 'CIN', year)!,
        placementType: code('PLACE', row, 'PLACE', year)!,
        provider: code('PLACE_PROVIDER', row, 'PLACE_PROVIDER', year),
        rec: code('REC', row, 'REC', year),
        reasonPlaceChange: code('REASON_PLACE_CHANGE', row, 'REASON_PLACE_CHANGE', year),
        homePostcode: value(row, 'HOME_POST'),
        postcode: value(row, 'PL_POST'),
        urn: value(row, 'URN'),
      }
      const earlier = episodes.get(startedOn)
      if (earlier !== undefined && earlier.endedOn !== null) {
        const changes = (
          ['endedOn', 'rec', 'rne', 'legalStatus', 'placementType', 'provider', 'postcode', 'urn'] as const
        ).filter(field => earlier[field] !== episode[field])
        if (changes.length > 0) {
          problem(
            'closed-episode-changed',
            isReject ? 'fatal' : 'warning',
            year,
            'Episodes',
            row.row,
            `The episode starting ${startedOn} was closed in the ${collectionYearLabel(earlier.year)} return, but the ${collectionYearLabel(year)} return changes its ${changes.join(', ')}${isReject ? '' : '; the later return is used'}`,
          )
        }
      }
      episodes.set(startedOn, episode)
    }
    // An earlier episode that this return should show (open at its start) but does not: the later return wins.
    if (present.has(year)) {
      const start = collectionStart(year)
      for (const [startedOn, episode] of [...episodes]) {
        if (episode.year < year && !decoms.has(startedOn) && (episode.endedOn === null || episode.endedOn >= start)) {
          episodes.delete(startedOn)
          problem(
            'episode-dropped-by-later-return',
            'warning',
            year,
            'Episodes',
            null,
            `The episode starting ${startedOn} (${collectionYearLabel(episode.year)} return) was still open at the start of ${collectionYearLabel(year)} but that return leaves it out; it is dropped`,
          )
        }
      }
    }
  }
  const chain = [...episodes.values()].sort(byDay(e => e.startedOn))

  // The chain must be coherent (validator rules 148, 357, 388, 502, 503, 562 in spirit).
  chain.forEach((episode, index) => {
    const next = chain[index + 1]
    const at = `episode starting ${episode.startedOn} (${collectionYearLabel(episode.year)} return, row ${episode.row})`
    if (episode.endedOn !== null && episode.rec === null) {
      problem('ended-without-reason', 'fatal', episode.year, 'Episodes', episode.row, `The ${at} has DEC but no REC`)
    }
    if (next === undefined) {
      if (episode.rec === 'continues') {
        problem(
          'x1-without-continuation',
          'fatal',
          episode.year,
          'Episodes',
          episode.row,
          `The ${at} ends X1 but no episode follows`,
        )
      }
      return
    }
    if (episode.endedOn === null) {
      problem(
        'open-episode-not-last',
        'fatal',
        episode.year,
        'Episodes',
        episode.row,
        `The ${at} is open, yet an episode starts ${next.startedOn}`,
      )
    } else if (episode.endedOn > next.startedOn) {
      problem(
        'episodes-overlap',
        'fatal',
        episode.year,
        'Episodes',
        episode.row,
        `The ${at} ends ${episode.endedOn}, after the next episode starts (${next.startedOn})`,
      )
    } else if (episode.rec === 'continues' && (episode.endedOn !== next.startedOn || next.rne === 'started')) {
      problem(
        'x1-without-continuation',
        'fatal',
        episode.year,
        'Episodes',
        episode.row,
        `The ${at} ends X1 on ${episode.endedOn} but the next episode does not continue it`,
      )
    } else if (episode.rec !== 'continues' && next.rne !== 'started') {
      problem(
        'new-period-without-s',
        'fatal',
        next.year,
        'Episodes',
        next.row,
        `The episode starting ${next.startedOn} follows the end of a period of care but its RNE is not S`,
      )
    }
  })
  if (problems.some(p => p.severity === 'fatal')) {
    return { child: null, problems }
  }

  // Periods of care, legal status spells and placements from the chain.
  const periods: PeriodOfCare[] = []
  const periodDetails: PeriodOfCareReturnDetails[] = []
  const spells: LegalStatusSpell[] = []
  const placements: Placement[] = []
  const carers: Person[] = []
  let current: Episode[] = []
  const closePeriod = (group: Episode[]) => {
    const first = group[0]!
    const last = group[group.length - 1]!
    if (first.rne !== 'started') {
      problem(
        'period-start-before-earliest-return',
        'warning',
        first.year,
        'Episodes',
        first.row,
        `The period of care was already under way in the earliest return (first episode ${first.startedOn}, RNE not S); it is recorded from that date`,
      )
    }
    const periodId = id('period-of-care', first.startedOn)
    const endedOn = last.endedOn
    periods.push({
      id: periodId,
      version: 1,
      startedOn: first.startedOn,
      endedOn,
      reasonEnded: endedOn === null || last.rec === 'continues' ? null : last.rec,
      categoryOfNeed: first.categoryOfNeed,
      previousPermanence: null,
    })
    periodDetails.push({
      periodOfCareId: periodId,
      homePostcode: first.homePostcode,
      previousPermanenceAuthority: null,
      previousPermanenceOn: null,
    })
    group.forEach((episode, i) => {
      const next = group[i + 1]
      if (episode.categoryOfNeed !== first.categoryOfNeed) {
        problem(
          'category-of-need-changed',
          'warning',
          episode.year,
          'Episodes',
          episode.row,
          `CIN changes within a period of care (rule 504); ${first.categoryOfNeed} is kept`,
        )
      }
      const spell = spells[spells.length - 1]
      if (i === 0 || spell?.status !== episode.legalStatus) {
        spells.push({
          id: id('legal-status', episode.startedOn),
          version: 1,
          status: episode.legalStatus,
          startedOn: episode.startedOn,
          endedOn: null,
        })
      }
      const isNewPlacement = i === 0 || episode.rne !== 'legal-status-change'
      if (isNewPlacement) {
        placements.push({
          id: id('placement', episode.startedOn),
          version: 1,
          placementType: episode.placementType,
          carerPersonId: null,
          providerName: null,
          providerType: episode.provider,
          postcode: episode.postcode,
          ofstedUrn: episode.urn,
          startedOn: episode.startedOn,
          endedOn: null,
          reasonEnded: null,
          isIntendedUntilEighteen: false,
        })
      } else {
        const placement = placements[placements.length - 1]!
        if (placement.placementType !== episode.placementType || placement.postcode !== episode.postcode) {
          problem(
            'legal-status-changed-on-l-episode',
            'warning',
            episode.year,
            'Episodes',
            episode.row,
            `RNE L but the placement details differ (rule 434); the earlier placement is kept`,
          )
        }
      }
      const nextIsNewPlacement = next === undefined || next.rne !== 'legal-status-change'
      const endOfEpisode = next?.startedOn ?? episode.endedOn
      const s = spells[spells.length - 1]!
      if (next === undefined || next.legalStatus !== episode.legalStatus) {
        spells[spells.length - 1] = { ...s, endedOn: endOfEpisode }
      }
      if (nextIsNewPlacement) {
        const placement = placements[placements.length - 1]!
        placements[placements.length - 1] = {
          ...placement,
          endedOn: endOfEpisode,
          reasonEnded: next === undefined ? null : episode.reasonPlaceChange,
        }
      }
    })
  }
  for (const episode of chain) {
    if (current.length > 0 && episode.rne === 'started') {
      closePeriod(current)
      current = []
    }
    current.push(episode)
  }
  if (current.length > 0) {
    closePeriod(current)
  }
  // Placeholder carers for same-carer chains (RNE T or U).
  const placementEpisodes = chain.filter((episode, i) => i === 0 || episode.rne !== 'legal-status-change')
  placementEpisodes.forEach((episode, i) => {
    const isSame =
      episode.rne === 'placement-change-same-carer' || episode.rne === 'legal-status-and-placement-change-same-carer'
    if (!isSame || i === 0) {
      return
    }
    const previous = placements[i - 1]!
    let carerId = previous.carerPersonId
    if (carerId === null) {
      carerId = id('carer', previous.startedOn)
      carers.push({
        id: carerId,
        version: 1,
        givenNames: 'Unknown',
        familyName: `Carer (imported, ${laChildId})`,
        dateOfBirthOn: null,
        sex: null,
        isLocalAuthorityFosterCarer: false,
        isApprovedAdopter: false,
        organisation: null,
        postcode: null,
      })
      placements[i - 1] = { ...previous, carerPersonId: carerId }
    }
    if (!isTemporaryPlacement(placements[i]!.placementType)) {
      placements[i] = { ...placements[i]!, carerPersonId: carerId }
    }
  })

  // Previous permanence: the latest period starting in the return's year (as the export writes it).
  for (const { year, row } of rowsOf('PrevPerm')) {
    const start = collectionStart(year)
    const end = collectionEnd(year)
    const index = periods
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.startedOn >= start && p.startedOn <= end)
      .pop()?.i
    if (index === undefined) {
      problem(
        'previous-permanence-without-new-period',
        'warning',
        year,
        'PrevPerm',
        row.row,
        'Previous permanence is given but no period of care starts in that year; it is ignored',
      )
      continue
    }
    periods[index] = { ...periods[index]!, previousPermanence: code('PREV_PERM', row, 'PREV_PERM', year) }
    const perm = value(row, 'DATE_PERM')
    periodDetails[index] = {
      ...periodDetails[index]!,
      previousPermanenceAuthority: value(row, 'LA_PERM'),
      previousPermanenceOn: perm === null ? null : (parsePartialReturnDate(perm) ?? null),
    }
  }

  const reviews: StatutoryReview[] = [...latestByKey(rowsOf('Reviews'), row => value(row, 'REVIEW')).values()]
    .map(({ year, row }) => ({
      id: id('review', day(row, 'REVIEW')!),
      version: 1,
      heldOn: day(row, 'REVIEW')!,
      participation: code('REVIEW_CODE', row, 'REVIEW_CODE', year),
      chairedById: null,
      broughtForwardReason: null,
      notes: null,
    }))
    .sort(byDay(r => r.heldOn))

  // Adoption journeys: PlacedAdoption rows by decision date, AD1 rows by DATE_INT.
  const decisions = latestByKey(rowsOf('PlacedAdoption'), row => value(row, 'DATE_PLACED'))
  const matches = latestByKey(rowsOf('AD1'), row => value(row, 'DATE_INT'))
  const decisionDays = new Set([...decisions.keys(), ...matches.keys()])
  const journeys: AdoptionJourney[] = [...decisionDays]
    .map((text): AdoptionJourney => {
      const decidedOn = parseReturnDate(text)!
      const decision = decisions.get(text)
      const match = matches.get(text)
      const count = match === undefined ? null : value(match.row, 'NB_ADOPTR')
      const sexes = match === undefined ? null : code('SEX_ADOPTR', match.row, 'SEX_ADOPTR', match.year)
      const legal = match === undefined ? null : code('LS_ADOPTR', match.row, 'LS_ADOPTR', match.year)
      return {
        id: id('adoption-decision', decidedOn),
        decidedOn,
        decisionCeasedOn: decision === undefined ? null : day(decision.row, 'DATE_PLACED_CEASED'),
        decisionCeasedReason:
          decision === undefined
            ? null
            : code('REASON_PLACED_CEASED', decision.row, 'REASON_PLACED_CEASED', decision.year),
        placementOrderOn: null,
        matchedOn: match === undefined ? null : day(match.row, 'DATE_MATCH'),
        placedOn: null,
        adoptionOrderOn: null,
        fosteringForAdoptionOn: null,
        adopters:
          count !== null && sexes !== null && legal !== null
            ? { count: count === '2' ? 2 : 1, sexes, legalStatus: legal }
            : null,
        isAdoptedByFosterCarers: match === undefined ? null : flag(match.row, 'FOSTER_CARE'),
        familyId: null,
      }
    })
    .sort(byDay(j => j.decidedOn))

  const missingEpisodes: MissingEpisode[] = [
    ...latestByKey(
      rowsOf('Missing'),
      row => `${value(row, 'MIS_START') ?? ''}|${value(row, 'MISSING') ?? ''}`,
    ).values(),
  ]
    .map(({ year, row }) => ({
      id: id('missing', day(row, 'MIS_START')!, value(row, 'MISSING') ?? ''),
      kind: code('MISSING', row, 'MISSING', year) ?? 'missing',
      startedOn: day(row, 'MIS_START')!,
      returnedOn: day(row, 'MIS_END'),
      wasReturnInterviewOffered: null,
      wasReturnInterviewAccepted: null,
    }))
    .sort(byDay(m => m.startedOn))

  const socialWorkerEpisodes: ImportedSocialWorkerEpisode[] = [
    ...latestByKey(rowsOf('SWEpisodes'), row => value(row, 'SW_DECOM')).values(),
  ]
    .map(({ year, row }) => ({
      id: id('social-worker-episode', day(row, 'SW_DECOM')!),
      socialWorkerRef: value(row, 'SW_ID') ?? '',
      startedOn: day(row, 'SW_DECOM')!,
      endedOn: day(row, 'SW_DEC'),
      changeReason: code('SW_REASON', row, 'SW_REASON', year),
    }))
    .sort(byDay(s => s.startedOn))

  const deprivationOfLibertyOrders: DeprivationOfLibertyOrder[] = [
    ...latestByKey(rowsOf('DoLo'), row => value(row, 'DOLO_START')).values(),
  ]
    .map(({ row }) => ({
      id: id('dolo', day(row, 'DOLO_START')!),
      startedOn: day(row, 'DOLO_START')!,
      endedOn: day(row, 'DOLO_END'),
    }))
    .sort(byDay(d => d.startedOn))

  const healthOutcomes: HealthOutcomes[] = rowsOf('OC2')
    .map(({ year, row }) => {
      const score = value(row, 'SDQ_SCORE')
      return {
        collectionYear: year,
        sdqScore: score === null ? null : Number(score),
        sdqReason: code('SDQ_REASON', row, 'SDQ_REASON', year),
        isConvicted: flag(row, 'CONVICTED'),
        hasHealthCheck: flag(row, 'HEALTH_CHECK'),
        hasImmunisations: flag(row, 'IMMUNISATIONS'),
        hasTeethCheck: flag(row, 'TEETH_CHECK'),
        hasHealthAssessment: flag(row, 'HEALTH_ASSESSMENT'),
        hasSubstanceMisuse: flag(row, 'SUBSTANCE_MISUSE'),
        hasInterventionReceived: flag(row, 'INTERVENTION_RECEIVED'),
        hasInterventionOffered: flag(row, 'INTERVENTION_OFFERED'),
      }
    })
    .sort((a, b) => a.collectionYear - b.collectionYear)

  const careLeaverOutcomes: CareLeaverOutcomes[] = rowsOf('OC3')
    .map(({ year, row }) => {
      const accommodation = accommodationFromCode(value(row, 'ACCOM') ?? '') ?? {
        accommodation: 'not-applicable' as const,
        isSuitable: null,
      }
      return {
        collectionYear: year,
        contact: code('IN_TOUCH', row, 'IN_TOUCH', year) ?? 'not-in-touch',
        activity: code('ACTIV', row, 'ACTIV', year) ?? 'not-applicable',
        accommodation: accommodation.accommodation,
        isAccommodationSuitable: accommodation.isSuitable,
      }
    })
    .sort((a, b) => a.collectionYear - b.collectionYear)

  const uascRows = [...rowsOf('UASC')].sort((a, b) => a.year - b.year)
  const latestUasc = uascRows[uascRows.length - 1]
  const uascCeasedOn = latestUasc === undefined ? null : day(latestUasc.row, 'DUC')

  const stitched: ImportedChild = {
    laChildId,
    childId: id('child'),
    details: {
      dateOfBirthOn: day(header.row, 'DOB')!,
      sex,
      ethnicity: code('ETHNIC', header.row, 'ETHNIC', header.year)!,
      upn: value(header.row, 'UPN'),
      isUnaccompaniedAsylumSeeker: latestUasc !== undefined && uascCeasedOn === null,
    },
    periodsOfCare: periods,
    legalStatuses: spells,
    placements,
    carers,
    reviews,
    socialWorkerEpisodes,
    returnDetails: {
      isMother: flag(header.row, 'MOTHER'),
      firstChildBornOn: day(header.row, 'MC_DOB'),
      uascCeasedOn,
      periodsOfCare: periodDetails,
      adoptionJourneys: journeys,
      missingEpisodes,
      socialWorkerEpisodes: [],
      deprivationOfLibertyOrders,
      healthOutcomes,
      careLeaverOutcomes,
    },
    years: [...new Set([...headers.map(h => h.year)])].sort((a, b) => a - b),
  }
  return { child: withDerivedAdoptionDates(stitched), problems }
}

const FOSTERING_FOR_ADOPTION = new Set<PlacementType>(['foster-for-adoption', 'connected-foster-for-adoption'])

/** Fills the journey dates 903 implies (placement order, placed, adoption order, FFA placement) explicitly. */
function withDerivedAdoptionDates(child: ImportedChild): ImportedChild {
  const resolved = resolveAdoptionJourneys(importedChildToReturnFacts(child))
  const journeys = resolved.map(({ periodOfCare, ...journey }): AdoptionJourney => {
    const ffa =
      periodOfCare === null
        ? undefined
        : child.placements.find(
            placement =>
              FOSTERING_FOR_ADOPTION.has(placement.placementType) &&
              placement.startedOn >= periodOfCare.startedOn &&
              (journey.placedOn === null || placement.startedOn <= journey.placedOn),
          )
    return { ...journey, fosteringForAdoptionOn: ffa?.startedOn ?? null }
  })
  return { ...child, returnDetails: { ...child.returnDetails, adoptionJourneys: journeys } }
}
