/**
 * Ofsted ILACS Annex A lists 8 (children in care), 10 (adoption) and 11 (adopters), with Ofsted's column headers
 * (national-returns.md §3.1). Headers: SocialFinanceDigitalLabs/liia-tools `liiatools/spec/annex_a/la-agg.yml`
 * @051663f (its `sort_order`, without the trailing `LA` column the pan-London aggregation adds), and the 2026
 * renaming of `Gender` to `Sex` in liia-tools-pipeline `liiatools/annex_a_pipeline/spec/Annex_A_schema_2026.diff.yml`
 * @0f792cc. The template's category values (`a) Male`, `b) Female`, …) come from the same pipeline's
 * `Annex_A_schema.yml` @00dee16.
 *
 * What the care record does not hold (permanence plan, visits, health and dental checks, allocated team and worker
 * by name, placement location, adopters) is passed in as plain fields (docs/adr/0036).
 */
import { addCalendarMonths, ageInYears, compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { isWithin, type PeriodOfCare } from '../children/care-record.ts'
import type { Sex } from '../children/codes.ts'
import { resolveAdoptionJourneys } from './adoption-journeys.ts'
import { codeFor } from './code-maps.ts'
import { collectionYearOf } from './collection-year.ts'
import { formatReturnDate } from './return-dates.ts'
import type { ReturnFacts } from './return-facts.ts'

/** Which edition of the headers: 2026 renamed `Gender` to `Sex`. */
export type AnnexAEdition = 2024 | 2026

export interface AnnexASheet {
  readonly sheet: 'List 8' | 'List 10' | 'List 11'
  readonly headers: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

/** What list 8 needs that the care record does not hold, per child. */
export interface AnnexAChildInfo {
  readonly permanencePlan: string | null
  readonly lastSocialWorkVisitOn: CalendarDay | null
  readonly lastIroContactOn: CalendarDay | null
  readonly lastHealthAssessmentOn: CalendarDay | null
  readonly lastDentalCheckOn: CalendarDay | null
  readonly allocatedTeam: string | null
  readonly allocatedWorker: string | null
  /** `IN` or `OUT` of the authority's area (derived from postcodes outside the domain). */
  readonly placementLocation: string | null
  readonly placementLocalAuthority: string | null
}

/** One prospective or approved adopter, for list 11. */
export interface AnnexAAdopter {
  readonly adopterId: string
  readonly familyId: string | null
  readonly sex: Sex | null
  readonly ethnicity: string | null
  readonly hasDisability: boolean | null
  readonly isFosteringForAdoption: boolean | null
  readonly enquiryOn: CalendarDay | null
  readonly stageOneStartedOn: CalendarDay | null
  readonly stageOneEndedOn: CalendarDay | null
  readonly stageTwoStartedOn: CalendarDay | null
  readonly stageTwoEndedOn: CalendarDay | null
  readonly applicationOn: CalendarDay | null
  readonly approvedOn: CalendarDay | null
  readonly matchedOn: CalendarDay | null
  readonly placedOn: CalendarDay | null
  readonly childrenPlaced: number | null
  readonly adoptionOrderOn: CalendarDay | null
  readonly leftProcessOn: CalendarDay | null
  readonly leftProcessReason: string | null
}

export interface AnnexAOptions {
  /** The reference day (usually the inspection notification day); lists cover the 12 months up to it. */
  readonly asOf: CalendarDay
  readonly edition?: AnnexAEdition
  readonly childInfo?: ReadonlyMap<string, AnnexAChildInfo>
}

const sexHeader = (edition: AnnexAEdition) => (edition >= 2026 ? 'Sex' : 'Gender')

/**
 * List 8 headers.
 * @param edition - 2024 (`Gender`) or 2026 (`Sex`)
 * @returns the headers in Ofsted's order
 */
export function list8Headers(edition: AnnexAEdition = 2026): string[] {
  return [
    'Child Unique ID',
    sexHeader(edition),
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Does the Child have a Disability',
    'Date Started to be Looked After',
    "Child's Category of Need",
    'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
    'Start date of current legal status',
    "Child's Legal Status",
    'Date of Latest Statutory Review',
    'Date of Last Social Work Visit',
    'What is the permanence plan for this child?',
    'Date of Last IRO Visit / Contact to the Child',
    'Date of Last Health Assessment',
    'Date of Last Dental Check',
    'Number of Placements in the Last 12 months',
    'Date Ceased to be Looked After',
    'Reason Ceased to be Looked After',
    'Start Date of Most Recent Placement',
    'Placement Type',
    'Placement Provider',
    'Placement postcode',
    'URN of Placement',
    'Placement Location',
    'LA of Placement',
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    'Was the child offered a Return Interview after their last missing episode (Y/N)?',
    'Did the child accept a Return Interview after their last missing episode (Y/N)?',
    'Allocated Team',
    'Allocated Worker',
  ]
}

/**
 * List 10 headers.
 * @param edition - 2024 or 2026
 * @returns the headers
 */
export function list10Headers(edition: AnnexAEdition = 2026): string[] {
  return [
    'Child Unique ID',
    'Family identifier',
    sexHeader(edition),
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Does the Child have a Disability',
    'Date the Child Entered Care',
    'Date of Decision that Child Should be Placed for Adoption',
    'Date of Placement Order',
    'Date of Matching Child and Prospective Adopters',
    'Date Placed for Adoption',
    'Date of Adoption Order',
    'Date of Decision that Child Should No Longer be Placed for Adoption',
    'Reason Why Child No Longer Placed for Adoption',
    'Date the child was placed for fostering in FFA or concurrent planning placement',
  ]
}

/**
 * List 11 headers.
 * @param edition - 2024 or 2026
 * @returns the headers
 */
export function list11Headers(edition: AnnexAEdition = 2026): string[] {
  return [
    'Individual adopter identifier',
    'Family identifier',
    sexHeader(edition),
    'Ethnicity',
    'Disability',
    'Is the (prospective) adopter fostering for adoption?',
    'Date enquiry received',
    'Date Stage 1 started',
    'Date Stage 1 ended',
    'Date Stage 2 started',
    'Date Stage 2 ended',
    'Date application submitted',
    'Date application approved',
    'Date adopter matched with child(ren)',
    'Date child/children placed with adopter(s)',
    'No. of children placed',
    'Date of Adoption Order',
    'Date of leaving adoption process',
    'Reason for leaving adoption process',
  ]
}

const SEX_VALUES: Record<Sex, string> = { male: 'a) Male', female: 'b) Female', unknown: 'c) Not stated/recorded' }
const date = (day: CalendarDay | null | undefined): string => formatReturnDate(day ?? null)
const yesNo = (value: boolean | null | undefined): string =>
  value === null || value === undefined ? '' : value ? 'Yes' : 'No'
const yN = (value: boolean | null | undefined): string =>
  value === null || value === undefined ? '' : value ? 'Y' : 'N'

function overlaps(startedOn: CalendarDay, endedOn: CalendarDay | null, from: CalendarDay, to: CalendarDay): boolean {
  return startedOn <= to && (endedOn === null || endedOn > from)
}

function byLaChildId(a: ReturnFacts, b: ReturnFacts): number {
  const x = a.child.localCaseNumber
  const y = b.child.localCaseNumber
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * List 8: children looked after at any point in the 12 months up to `asOf`.
 * @param facts - every child's facts
 * @param options - reference day, edition and per-child extra fields
 * @returns the sheet
 */
export function buildAnnexAList8(facts: readonly ReturnFacts[], options: AnnexAOptions): AnnexASheet {
  const edition = options.edition ?? 2026
  const to = options.asOf
  const from = addCalendarMonths(to, -12)
  const year = collectionYearOf(to)
  const rows: string[][] = []
  for (const child of [...facts].sort(byLaChildId)) {
    const periods = [...child.periodsOfCare].sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
    const inWindow = periods.filter(period => overlaps(period.startedOn, period.endedOn, from, to))
    const period: PeriodOfCare | undefined = inWindow[inWindow.length - 1]
    if (period === undefined) {
      continue
    }
    const info = options.childInfo?.get(child.child.id)
    const lastDay = period.endedOn === null || period.endedOn > to ? to : period.endedOn
    const earlier = periods.filter(p => p.startedOn < period.startedOn && p.endedOn !== null)
    const isSubsequent = earlier.some(p => p.endedOn! > addCalendarMonths(period.startedOn, -12))
    const inPeriod = (day: CalendarDay) => isWithin(day, period.startedOn, period.endedOn)
    const spell = [...child.legalStatuses]
      .filter(s => inPeriod(s.startedOn) && s.startedOn <= lastDay)
      .sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
      .pop()
    const placements = [...child.placements]
      .filter(p => inPeriod(p.startedOn) && p.startedOn <= lastDay)
      .sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
    const placement = placements[placements.length - 1]
    const placementsInYear = child.placements.filter(p => overlaps(p.startedOn, p.endedOn, from, to)).length
    const review = child.reviews
      .filter(r => r.heldOn <= to)
      .sort((a, b) => compareCalendarDays(a.heldOn, b.heldOn))
      .pop()
    const missing = child.returnDetails.missingEpisodes.filter(m => m.startedOn > from && m.startedOn <= to)
    const lastMissing = [...missing]
      .filter(m => m.kind === 'missing')
      .sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
      .pop()
    const isCeased = period.endedOn !== null && period.endedOn <= to
    rows.push([
      child.child.localCaseNumber,
      SEX_VALUES[child.child.sex],
      child.child.ethnicity,
      date(child.child.dateOfBirthOn),
      String(ageInYears(child.child.dateOfBirthOn, to)),
      yesNo(child.child.hasDisability),
      date(period.startedOn),
      period.categoryOfNeed ?? '',
      isSubsequent ? 'Y' : 'N',
      date(spell?.startedOn),
      spell === undefined ? '' : (codeFor('LS', spell.status, year) ?? ''),
      date(review?.heldOn),
      date(info?.lastSocialWorkVisitOn),
      info?.permanencePlan ?? '',
      date(info?.lastIroContactOn),
      date(info?.lastHealthAssessmentOn),
      date(info?.lastDentalCheckOn),
      String(placementsInYear),
      isCeased ? date(period.endedOn) : '',
      isCeased && period.reasonEnded !== null ? (codeFor('REC', period.reasonEnded, year) ?? '') : '',
      date(placement?.startedOn),
      placement === undefined ? '' : (codeFor('PLACE', placement.placementType, year) ?? ''),
      placement?.providerType ? (codeFor('PLACE_PROVIDER', placement.providerType, year) ?? '') : '',
      placement?.postcode ?? '',
      placement?.ofstedUrn ?? '',
      info?.placementLocation ?? '',
      info?.placementLocalAuthority ?? '',
      String(missing.filter(m => m.kind === 'missing').length),
      String(missing.filter(m => m.kind === 'away-without-authorisation').length),
      yN(lastMissing?.wasReturnInterviewOffered),
      yN(lastMissing?.wasReturnInterviewAccepted),
      info?.allocatedTeam ?? '',
      info?.allocatedWorker ?? '',
    ])
  }
  return { sheet: 'List 8', headers: list8Headers(edition), rows }
}

const CEASED_REASONS: Record<string, string> = {
  'needs-changed': 'RD1',
  'no-placement-order': 'RD2',
  'adopters-not-found': 'RD3',
  other: 'RD4',
}

/**
 * List 10: children with an adoption decision in force at any point in the 12 months up to `asOf`.
 * @param facts - every child's facts
 * @param options - reference day and edition
 * @returns the sheet
 */
export function buildAnnexAList10(facts: readonly ReturnFacts[], options: AnnexAOptions): AnnexASheet {
  const edition = options.edition ?? 2026
  const to = options.asOf
  const from = addCalendarMonths(to, -12)
  const rows: string[][] = []
  for (const child of [...facts].sort(byLaChildId)) {
    for (const journey of resolveAdoptionJourneys(child)) {
      const closedOn = journey.decisionCeasedOn ?? journey.adoptionOrderOn
      if (journey.decidedOn > to || (closedOn !== null && closedOn <= from)) {
        continue
      }
      const known = (day: CalendarDay | null) => (day !== null && day <= to ? date(day) : '')
      const isCeased = journey.decisionCeasedOn !== null && journey.decisionCeasedOn <= to
      rows.push([
        child.child.localCaseNumber,
        journey.familyId ?? '',
        SEX_VALUES[child.child.sex],
        child.child.ethnicity,
        date(child.child.dateOfBirthOn),
        String(ageInYears(child.child.dateOfBirthOn, to)),
        yesNo(child.child.hasDisability),
        date(journey.periodOfCare?.startedOn),
        date(journey.decidedOn),
        known(journey.placementOrderOn),
        known(journey.matchedOn),
        known(journey.placedOn),
        known(journey.adoptionOrderOn),
        isCeased ? date(journey.decisionCeasedOn) : '',
        isCeased && journey.decisionCeasedReason !== null ? (CEASED_REASONS[journey.decisionCeasedReason] ?? '') : '',
        known(journey.fosteringForAdoptionOn),
      ])
    }
  }
  return { sheet: 'List 10', headers: list10Headers(edition), rows }
}

/**
 * List 11: adopters, from the plain fields passed in.
 * @param adopters - the adopters
 * @param options - the edition
 * @returns the sheet
 */
export function buildAnnexAList11(
  adopters: readonly AnnexAAdopter[],
  options: Pick<AnnexAOptions, 'edition'> = {},
): AnnexASheet {
  const edition = options.edition ?? 2026
  const rows = [...adopters]
    .sort((a, b) => (a.adopterId < b.adopterId ? -1 : a.adopterId > b.adopterId ? 1 : 0))
    .map(adopter => [
      adopter.adopterId,
      adopter.familyId ?? '',
      adopter.sex === null ? '' : SEX_VALUES[adopter.sex],
      adopter.ethnicity ?? '',
      yesNo(adopter.hasDisability),
      yesNo(adopter.isFosteringForAdoption),
      date(adopter.enquiryOn),
      date(adopter.stageOneStartedOn),
      date(adopter.stageOneEndedOn),
      date(adopter.stageTwoStartedOn),
      date(adopter.stageTwoEndedOn),
      date(adopter.applicationOn),
      date(adopter.approvedOn),
      date(adopter.matchedOn),
      date(adopter.placedOn),
      adopter.childrenPlaced === null ? '' : String(adopter.childrenPlaced),
      date(adopter.adoptionOrderOn),
      date(adopter.leftProcessOn),
      adopter.leftProcessReason ?? '',
    ])
  return { sheet: 'List 11', headers: list11Headers(edition), rows }
}

/**
 * All three lists.
 * @param facts - every child's facts
 * @param adopters - the adopters for list 11
 * @param options - reference day, edition and per-child extra fields
 * @returns lists 8, 10 and 11
 */
export function buildAnnexA(
  facts: readonly ReturnFacts[],
  adopters: readonly AnnexAAdopter[],
  options: AnnexAOptions,
): AnnexASheet[] {
  return [buildAnnexAList8(facts, options), buildAnnexAList10(facts, options), buildAnnexAList11(adopters, options)]
}
