/**
 * The SSDA903 validation rules our data can break, checked on one child's rows for a year. Each carries the DfE
 * rule code and the validator file it follows (data-to-insight/csc-validator-be-903, `lac_validator/rules/`);
 * rules with no DfE equivalent carry our own `PP-` code. Rules on codes alone (101, 146, …) are raised while
 * mapping codes in child-return.ts.
 */
import { nthBirthday, type CalendarDay } from '../shared/calendar-day.ts'
import { isWithin } from '../children/care-record.ts'
import { collectionEnd, collectionStart, type CollectionYear } from './collection-year.ts'
import type { DerivedEpisode } from './episodes.ts'
import { resolveAdoptionJourneys } from './adoption-journeys.ts'
import type { ReturnFacts } from './return-facts.ts'
import type { ChildRows, FailureSink } from './child-return.ts'

/** An episode and the cells written for it. */
export interface EpisodeRow {
  readonly episode: DerivedEpisode
  readonly cells: Readonly<Record<string, string>>
}

const TEMPORARY = /^T[0-4]$/
const PLACEMENT_FIELDS = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const

/** URN exemptions (rule 218 requires a URN, rule 222 forbids one): lac2024_25 and lac2025_26 rule_218/rule_222. */
function isUrnExempt(place: string, year: CollectionYear): boolean {
  const exempt = ['P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4']
  return exempt.includes(place) || (year <= 2025 ? place === 'Z1' : /^Z1[1-4]$/.test(place))
}

/** UPN: a letter other than I, O or S and 12 digits (or 11 digits and a check letter), or UN1–UN5 (rule 168). */
const UPN = /^([A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]|UN[1-5])$/

function checkEpisodes(facts: ReturnFacts, year: CollectionYear, episodes: readonly EpisodeRow[], sink: FailureSink) {
  const start = collectionStart(year)
  const dob = facts.child.dateOfBirthOn
  episodes.forEach(({ episode, cells }, index) => {
    const previous = episodes[index - 1]
    const beforePrevious = episodes[index - 2]
    const at = `episode starting ${episode.startedOn}`
    if (episode.legalStatus === null) {
      sink.add('PP-EPISODE-NO-LEGAL-STATUS', 'Episodes', 'LS', `No legal status is recorded for the ${at}`)
    }
    if (episode.placement === null) {
      sink.add('PP-EPISODE-NO-PLACEMENT', 'Episodes', 'PLACE', `No placement is recorded for the ${at}`)
    }
    // rule_148: DEC and REC both present or both blank.
    if (cells.DEC !== '' && cells.REC === '') {
      sink.add('148', 'Episodes', 'REC', `Record why the period of care ended (${at})`)
    }
    const place = cells.PLACE ?? ''
    const rne = cells.RNE ?? ''
    const isSameChild = previous !== undefined
    // rule_434/435/436: RNE must match what changed (lac2022_23).
    if (isSameChild && previous !== undefined) {
      const placementSame = PLACEMENT_FIELDS.every(field => (cells[field] ?? '') === (previous.cells[field] ?? ''))
      const lsSame = cells.LS === previous.cells.LS
      if (rne === 'L' && (lsSame || !placementSame)) {
        sink.add('434', 'Episodes', 'RNE', `Only the legal status should change at the ${at}`)
      }
      if ((rne === 'P' || rne === 'T') && (!lsSame || placementSame)) {
        sink.add('435', 'Episodes', 'RNE', `The placement changes at the ${at} but its 903 details do not differ`)
      }
      if ((rne === 'B' || rne === 'U') && (lsSame || placementSame)) {
        sink.add('436', 'Episodes', 'RNE', `Both legal status and placement should change at the ${at}`)
      }
      // rule_225: a reason for a placement change after X1 followed by P, B, T or U, neither placement temporary.
      if (
        previous.cells.REC === 'X1' &&
        previous.cells.REASON_PLACE_CHANGE === '' &&
        ['P', 'B', 'T', 'U'].includes(rne) &&
        !TEMPORARY.test(previous.cells.PLACE ?? '') &&
        !TEMPORARY.test(place)
      ) {
        sink.add('225', 'Episodes', 'REASON_PLACE_CHANGE', `Record why the placement before the ${at} ended`)
      }
    }
    // rule_217: A3/A5 (with current foster carers) must start with S, T or U.
    if ((place === 'A3' || place === 'A5') && !['S', 'T', 'U'].includes(rne)) {
      sink.add(
        '217',
        'Episodes',
        'RNE',
        `Placed for adoption with current foster carers, but the carers differ (${at})`,
      )
    }
    // rule_380: a temporary placement cannot start a period of care (RNE must be P or B).
    if (TEMPORARY.test(place) && rne !== 'P' && rne !== 'B') {
      sink.add('380', 'Episodes', 'PLACE', `A period of care cannot start with a temporary placement (${at})`)
    }
    // rule_381: a temporary placement cannot end a period of care.
    if (TEMPORARY.test(place) && cells.REC !== '' && cells.REC !== 'X1') {
      sink.add('381', 'Episodes', 'REC', `A period of care cannot end with a temporary placement (${at})`)
    }
    // rule_383 (lac2025_26): after a temporary placement the child returns to the previous placement, RNE P.
    if (previous !== undefined && TEMPORARY.test(previous.cells.PLACE ?? '') && beforePrevious !== undefined) {
      if (rne !== 'P' || place !== beforePrevious.cells.PLACE || cells.PL_POST !== beforePrevious.cells.PL_POST) {
        sink.add(
          '383',
          'Episodes',
          'PLACE',
          `After a temporary placement the child must return to the previous one (${at})`,
        )
      }
    }
    // rule_550: PR0 (parents) only with P1.
    if (cells.PLACE_PROVIDER === 'PR0' && place !== 'P1') {
      sink.add('550', 'Episodes', 'PLACE_PROVIDER', `Provider "parents" goes only with placement with parents (${at})`)
    }
    // rule_218 / rule_222: URN required, or forbidden, by placement type; RAA placements may give XXXXXXX.
    const isOpenInYear = cells.DEC === '' || (episode.endedOn !== null && episode.endedOn >= start)
    if (place !== '' && !isUrnExempt(place, year) && cells.URN === '' && isOpenInYear) {
      sink.add('218', 'Episodes', 'URN', `Record the Ofsted URN of the placement (${at})`)
    }
    if (place !== '' && isUrnExempt(place, year) && cells.URN !== '' && cells.URN !== 'XXXXXXX') {
      sink.add('222', 'Episodes', 'URN', `An Ofsted URN should not be recorded for this placement type (${at})`)
    }
    // rule_371 (lac2024_25): supported accommodation (K3) only from 16.
    if (place === 'K3' && episode.startedOn < nthBirthday(dob, 16)) {
      sink.add('371', 'Episodes', 'PLACE', `Supported accommodation before the 16th birthday (${at})`)
    }
    // rule_386 / rule_407: adoption or special guardianship order at 18 or over.
    if (
      (cells.REC === 'E11' || cells.REC === 'E12') &&
      episode.endedOn !== null &&
      episode.endedOn >= nthBirthday(dob, 18)
    ) {
      sink.add('386', 'Episodes', 'REC', `Adopted at 18 or over (${at})`)
    }
    if (/^E4[5-8]$/.test(cells.REC ?? '') && episode.endedOn !== null && episode.endedOn > nthBirthday(dob, 18)) {
      sink.add('407', 'Episodes', 'REC', `Special guardianship order after the 18th birthday (${at})`)
    }
    // rule_390: adopted without being placed for adoption (A3–A6).
    if ((cells.REC === 'E11' || cells.REC === 'E12') && !/^A[3-6]$/.test(place)) {
      sink.add('390', 'Episodes', 'REC', `Adopted, but the last placement was not a placement for adoption (${at})`)
    }
    // rule_516-style: E45/E46 (SGO to former foster carers) needs a foster placement.
    if ((cells.REC === 'E45' || cells.REC === 'E46') && !/^U[1-6]$/.test(place)) {
      sink.add(
        '516',
        'Episodes',
        'REC',
        `SGO to former foster carers, but the last placement was not foster care (${at})`,
      )
    }
  })
}

/**
 * Every rule on one child's return rows for a year.
 * @param facts - the child's facts
 * @param year - the collection year
 * @param episodes - the child's episodes in the year with their cells
 * @param rows - the child's rows per table
 * @param sink - where failures go
 */
export function checkChildRules(
  facts: ReturnFacts,
  year: CollectionYear,
  episodes: readonly EpisodeRow[],
  rows: ChildRows,
  sink: FailureSink,
): void {
  const start = collectionStart(year)
  const end = collectionEnd(year)
  const { child } = facts
  const details = facts.returnDetails
  const header = rows.Header?.[0]

  // XSD: CHILD is 1–10 characters.
  if (child.localCaseNumber.length < 1 || child.localCaseNumber.length > 10) {
    sink.add('PP-CHILD-ID', 'Header', 'CHILD', 'The LA child ID must be 1 to 10 characters')
  }
  if (header !== undefined) {
    if (child.upn === null) {
      sink.add('168', 'Header', 'UPN', 'Record the UPN, or UN1–UN5 when there is none')
    } else if (!UPN.test(child.upn.toUpperCase())) {
      sink.add('168', 'Header', 'UPN', 'The UPN is not in the DfE format')
    }
    // rule_232 (lac2024_25): sex reported as unknown is a query.
    if (header[1] === 'U') {
      sink.add('232', 'Header', 'SEX', 'Sex is reported as unknown', 'warning')
    }
    // rule_393 (lac2024_25): females looked after other than under V3/V4 need MOTHER.
    if (
      child.sex === 'female' &&
      details.isMother === null &&
      episodes.some(row => row.cells.LS !== '' && row.cells.LS !== 'V3' && row.cells.LS !== 'V4')
    ) {
      sink.add('393', 'Header', 'MOTHER', 'Record whether she is a mother')
    }
  }

  checkEpisodes(facts, year, episodes, sink)

  // rule_630: a child starting a period of care in the year needs previous permanence, with LA and date unless Z1.
  const prevPerm = rows.PrevPerm?.[0]
  if (prevPerm !== undefined) {
    if (prevPerm[2] === '') {
      sink.add('630', 'PrevPerm', 'PREV_PERM', 'Record the previous permanence option for the new period of care')
    } else if (prevPerm[2] !== 'Z1' && (prevPerm[3] === '' || prevPerm[4] === '')) {
      sink.add('630', 'PrevPerm', 'LA_PERM', 'Record the authority and date of the previous permanence order')
    }
  }

  for (const review of facts.reviews) {
    if (review.heldOn < start || review.heldOn > end) {
      continue
    }
    if (!facts.periodsOfCare.some(period => isWithin(review.heldOn, period.startedOn, period.endedOn))) {
      sink.add(
        'PP-REVIEW-OUTSIDE-CARE',
        'Reviews',
        'REVIEW',
        `The review on ${review.heldOn} is outside a period of care`,
      )
    }
    if (review.participation === null) {
      sink.add('167', 'Reviews', 'REVIEW_CODE', `Record how the child took part in the review on ${review.heldOn}`)
    }
  }

  for (const journey of resolveAdoptionJourneys(facts)) {
    const closedBefore =
      (journey.decisionCeasedOn !== null && journey.decisionCeasedOn < start) ||
      (journey.adoptionOrderOn !== null && journey.adoptionOrderOn < start)
    if (journey.decidedOn > end || closedBefore) {
      continue
    }
    const at = `adoption decision of ${journey.decidedOn}`
    if (
      journey.periodOfCare === null ||
      !isWithin(journey.decidedOn, journey.periodOfCare.startedOn, journey.periodOfCare.endedOn)
    ) {
      sink.add(
        'PP-ADOPTION-DECISION-OUTSIDE-CARE',
        'PlacedAdoption',
        'DATE_PLACED',
        `The ${at} is outside a period of care`,
      )
    }
    const order: [string, CalendarDay | null][] = [
      ['DATE_MATCH', journey.matchedOn],
      ['placed for adoption', journey.placedOn],
      ['adoption order', journey.adoptionOrderOn],
    ]
    for (const [label, day] of order) {
      if (day !== null && day < journey.decidedOn) {
        sink.add('PP-ADOPTION-DATE-ORDER', 'AD1', 'DATE_INT', `The ${label} date is before the ${at}`)
      }
    }
    if (journey.matchedOn !== null && journey.placedOn !== null && journey.placedOn < journey.matchedOn) {
      sink.add('PP-ADOPTION-DATE-ORDER', 'AD1', 'DATE_MATCH', `Placed for adoption before being matched (${at})`)
    }
    if (journey.decisionCeasedOn !== null && journey.decisionCeasedOn < journey.decidedOn) {
      sink.add(
        'PP-ADOPTION-DATE-ORDER',
        'PlacedAdoption',
        'DATE_PLACED_CEASED',
        `The decision ceased before it was made (${at})`,
      )
    }
    if ((journey.decisionCeasedOn === null) !== (journey.decisionCeasedReason === null)) {
      sink.add(
        'PP-ADOPTION-CEASED-REASON',
        'PlacedAdoption',
        'REASON_PLACED_CEASED',
        `Record both the date and reason the decision ceased (${at})`,
      )
    }
  }

  // SW episodes (lac2025_26 SW02STG1, lac2024_25 SW13STG1, lac2025_26 SW17STG2).
  const sw = rows.SWEpisodes ?? []
  sw.forEach((row, index) => {
    const id = row[2] ?? ''
    if (id !== '' && (!/^(SW|XX)/.test(id) || id.length < 4)) {
      sink.add('SW02STG1', 'SWEpisodes', 'SW_ID', 'The social worker ID must begin SW or XX')
    }
    const isFirst = index === 0
    if (!isFirst && row[5] === '') {
      sink.add('SW13STG1', 'SWEpisodes', 'SW_REASON', `Record why the social worker changed on ${row[3]}`)
    }
  })
  const lastSw = sw[sw.length - 1]
  if (lastSw !== undefined && lastSw[4] !== '' && isInCareOn(facts, end)) {
    sink.add('SW17STG2', 'SWEpisodes', 'SW_DEC', 'No social worker episode is open at 31 March')
  }

  // DoLO rules 709 and 710 (lac2026_27): placements overlapping a DoLO.
  if (year >= 2027) {
    for (const order of details.deprivationOfLibertyOrders) {
      if (order.endedOn === null) {
        continue
      }
      for (const { episode, cells } of episodes) {
        const overlaps =
          (episode.endedOn === null || order.startedOn <= episode.endedOn) && order.endedOn >= episode.startedOn
        if (!overlaps) {
          continue
        }
        if (!['K2', 'Z12', 'Z13'].includes(cells.PLACE ?? '')) {
          sink.add(
            '709',
            'DoLo',
            'DOLO_START',
            `The placement during the DoLO of ${order.startedOn} is not K2, Z12 or Z13`,
          )
        }
        if (['K1', 'P1', 'R5', 'K3'].includes(cells.PLACE ?? '')) {
          sink.add('710', 'DoLo', 'DOLO_START', `A child with a DoLO cannot be placed in ${cells.PLACE ?? ''}`)
        }
      }
    }
  }
}

function isInCareOn(facts: ReturnFacts, day: CalendarDay): boolean {
  return facts.periodsOfCare.some(period => isWithin(day, period.startedOn, period.endedOn))
}
