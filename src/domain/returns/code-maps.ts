/**
 * Year-specific SSDA903 code maps: canonical value → 903 code for each collection year, and back for import.
 *
 * Sources (national-returns.md §1.4–§1.5):
 * - data-to-insight/csc-validator-be-903 `lac_validator/rules/lac2024_25/rule_101.py` @6825c3f (SEX M/F/U from
 *   2024/25), `lac2024_25/rule_146.py` @18e3db7 (PLACE 2024/25: H5, K3, P2, Z1; its `"k3"` is lower case, a
 *   validator bug we do not copy), `lac2025_26/rule_146.py` @3198727 (PLACE 2025/26: no H5, P2 or Z1; Z11–Z14).
 * - SocialFinanceDigitalLabs/liia-tools `liiatools/spec/s903/SSDA903_schema_2024.yml` @019184f (every other list,
 *   and SEX 1/2 up to 2023/24).
 * - SocialFinanceDigitalLabs/liia-tools-pipeline `liiatools/ssda903_pipeline/spec/SSDA903_schema_2025.diff.yml`
 *   @3cebbb8 drops H5 and P2 already in 2024/25 and `…2026.diff.yml` @28f8f52 keeps Z1 in 2025/26; we follow the
 *   validator, which is what authorities check against (docs/adr/0031).
 *
 * A canonical value with no code in a year is not a crash: {@link codeFor} returns undefined and the export reports
 * a validation failure naming the value and the year.
 */
import {
  CATEGORY_OF_NEED_VALUES,
  ETHNICITY_VALUES,
  LEGAL_STATUSES,
  PLACEMENT_TYPES,
  PREVIOUS_PERMANENCE,
  PROVIDER_TYPES,
  REASONS_CARE_ENDED,
  REASONS_PLACEMENT_ENDED,
  REVIEW_PARTICIPATION_VALUES,
  type CategoryOfNeed,
  type Ethnicity,
  type LegalStatus,
  type PlacementType,
  type PreviousPermanence,
  type ProviderType,
  type ReasonCareEnded,
  type ReasonPlacementEnded,
  type ReviewParticipation,
  type Sex,
} from '../children/codes.ts'
import type { CollectionYear } from './collection-year.ts'
import {
  SOCIAL_WORKER_CHANGE_REASONS,
  type AdopterLegalStatus,
  type AdopterSexes,
  type AdoptionDecisionCeasedReason,
  type CareLeaverAccommodation,
  type CareLeaverActivity,
  type CareLeaverContact,
  type MissingKind,
  type SdqReason,
  type SocialWorkerChangeReason,
} from './return-facts.ts'

/** Why a new 903 episode started (RNE). Derived at export, never stored. */
export const REASONS_NEW_EPISODE = {
  started: 'S',
  'legal-status-change': 'L',
  'placement-change': 'P',
  'placement-change-same-carer': 'T',
  'legal-status-and-placement-change': 'B',
  'legal-status-and-placement-change-same-carer': 'U',
} as const
export type ReasonNewEpisode = keyof typeof REASONS_NEW_EPISODE

/** REC for an episode followed the same day by another in the same period of care. */
export type ReasonEpisodeCeased = ReasonCareEnded | 'continues'

/** The canonical type behind each 903 code list, by the 903 field that carries it. */
export interface CanonicalValues {
  SEX: Sex
  ETHNIC: Ethnicity
  RNE: ReasonNewEpisode
  LS: LegalStatus
  CIN: CategoryOfNeed
  PLACE: PlacementType
  PLACE_PROVIDER: ProviderType
  REC: ReasonEpisodeCeased
  REASON_PLACE_CHANGE: ReasonPlacementEnded
  REVIEW_CODE: ReviewParticipation
  PREV_PERM: PreviousPermanence
  REASON_PLACED_CEASED: AdoptionDecisionCeasedReason
  SEX_ADOPTR: AdopterSexes
  LS_ADOPTR: AdopterLegalStatus
  MISSING: MissingKind
  SW_REASON: SocialWorkerChangeReason
  SDQ_REASON: SdqReason
  IN_TOUCH: CareLeaverContact
  ACTIV: CareLeaverActivity
  ACCOM: CareLeaverAccommodation
}
export type CodeListName = keyof CanonicalValues

interface CodeEntry<C extends string> {
  readonly canonical: C
  readonly code: string
  /** First collection year (end year) in which the code is valid; open when absent. */
  readonly from?: CollectionYear
  /** Last collection year in which the code is valid; open when absent. */
  readonly to?: CollectionYear
}

function fromCodeRecord<C extends string>(record: Readonly<Record<C, { readonly code: string }>>): CodeEntry<C>[] {
  return (Object.keys(record) as C[]).map(canonical => ({ canonical, code: record[canonical].code }))
}

function identity<C extends string>(values: readonly C[]): CodeEntry<C>[] {
  return values.map(value => ({ canonical: value, code: value }))
}

function pairs<C extends string>(record: Readonly<Record<C, string>>): CodeEntry<C>[] {
  return (Object.keys(record) as C[]).map(canonical => ({ canonical, code: record[canonical] }))
}

/** PLACE codes valid only in some years (validator rule_146 per year). */
const PLACE_YEARS: Partial<Record<string, { from?: CollectionYear; to?: CollectionYear }>> = {
  H5: { to: 2025 },
  P2: { to: 2025 },
  Z1: { to: 2025 },
  K3: { from: 2025 },
  Z11: { from: 2026 },
  Z12: { from: 2026 },
  Z13: { from: 2026 },
  Z14: { from: 2026 },
}

const CODE_LISTS: { readonly [L in CodeListName]: readonly CodeEntry<CanonicalValues[L]>[] } = {
  // rule_101: 1/2 up to 2023/24 (liia-tools SSDA903_schema_2024.yml); M/F/U from 2024/25 (lac2024_25/rule_101.py).
  SEX: [
    { canonical: 'male', code: '1', to: 2024 },
    { canonical: 'female', code: '2', to: 2024 },
    { canonical: 'male', code: 'M', from: 2025 },
    { canonical: 'female', code: 'F', from: 2025 },
    { canonical: 'unknown', code: 'U', from: 2025 },
  ],
  ETHNIC: identity(ETHNICITY_VALUES),
  RNE: pairs(REASONS_NEW_EPISODE),
  LS: fromCodeRecord(LEGAL_STATUSES),
  CIN: identity(CATEGORY_OF_NEED_VALUES),
  PLACE: fromCodeRecord(PLACEMENT_TYPES).map(entry => ({ ...entry, ...PLACE_YEARS[entry.code] })),
  PLACE_PROVIDER: fromCodeRecord(PROVIDER_TYPES),
  REC: [{ canonical: 'continues', code: 'X1' }, ...fromCodeRecord(REASONS_CARE_ENDED)],
  REASON_PLACE_CHANGE: fromCodeRecord(REASONS_PLACEMENT_ENDED),
  REVIEW_CODE: identity(REVIEW_PARTICIPATION_VALUES),
  PREV_PERM: fromCodeRecord(PREVIOUS_PERMANENCE),
  REASON_PLACED_CEASED: pairs({
    'needs-changed': 'RD1',
    'no-placement-order': 'RD2',
    'adopters-not-found': 'RD3',
    other: 'RD4',
  }),
  SEX_ADOPTR: pairs({
    'one-male': 'M1',
    'one-female': 'F1',
    'two-male': 'MM',
    'two-female': 'FF',
    'male-and-female': 'MF',
  }),
  LS_ADOPTR: pairs({
    single: 'L0',
    'married-different-sex': 'L11',
    'married-same-sex': 'L12',
    'civil-partnership': 'L2',
    'unmarried-different-sex': 'L3',
    'unmarried-same-sex': 'L4',
  }),
  MISSING: pairs({ missing: 'M', 'away-without-authorisation': 'A' }),
  SW_REASON: identity(SOCIAL_WORKER_CHANGE_REASONS),
  SDQ_REASON: pairs({
    'outside-age-range': 'SDQ1',
    'carer-refused': 'SDQ2',
    'disability-too-severe': 'SDQ3',
    other: 'SDQ4',
    'young-person-refused': 'SDQ5',
  }),
  IN_TOUCH: pairs({
    'in-touch': 'YES',
    'not-in-touch': 'NO',
    died: 'DIED',
    'refuses-contact': 'REFU',
    'no-longer-requires-services': 'NREQ',
    'returned-home': 'RHOM',
  }),
  ACTIV: pairs({
    'higher-education-full-time': 'F1',
    'higher-education-part-time': 'P1',
    'other-education-full-time': 'F2',
    'other-education-part-time': 'P2',
    'apprenticeship-full-time': 'F4',
    'apprenticeship-part-time': 'P4',
    'training-or-employment-full-time': 'F5',
    'training-or-employment-part-time': 'P5',
    'not-in-education-illness-or-disability': 'G4',
    'not-in-education-other': 'G5',
    'not-in-education-pregnancy-or-parenting': 'G6',
    'not-applicable': '0',
  }),
  // The accommodation letter only; {@link accommodationCode} adds the suitability digit (rule_133).
  ACCOM: pairs({
    'with-parents-or-relatives': 'B',
    'community-home': 'C',
    'semi-independent': 'D',
    'supported-lodgings': 'E',
    'gone-abroad': 'G',
    deported: 'H',
    'ordinary-lodgings': 'K',
    'residence-not-known': 'R',
    'no-fixed-abode': 'S',
    foyer: 'T',
    'independent-living': 'U',
    'emergency-accommodation': 'V',
    'bed-and-breakfast': 'W',
    custody: 'X',
    other: 'Y',
    'with-former-foster-carers': 'Z',
    'not-applicable': '0',
  }),
}

/** The DfE rule that checks each code list, for failure reports (validator `rules/lac20YY_YY/rule_NNN.py`). */
export const CODE_LIST_RULES: Readonly<Record<CodeListName, string>> = {
  SEX: '101',
  ETHNIC: '103',
  RNE: '143',
  LS: '144',
  CIN: '145',
  PLACE: '146',
  PLACE_PROVIDER: '178',
  REC: '149',
  REASON_PLACE_CHANGE: '1009',
  REVIEW_CODE: '167',
  PREV_PERM: '631',
  REASON_PLACED_CEASED: 'PP-REASON-PLACED-CEASED',
  SEX_ADOPTR: '176',
  LS_ADOPTR: '177',
  MISSING: '1006',
  SW_REASON: 'SW13STG1',
  SDQ_REASON: '196',
  IN_TOUCH: '131',
  ACTIV: '132',
  ACCOM: '133',
}

function isInYear(entry: { readonly from?: CollectionYear; readonly to?: CollectionYear }, year: CollectionYear) {
  return (entry.from === undefined || year >= entry.from) && (entry.to === undefined || year <= entry.to)
}

/**
 * The 903 code for a canonical value in a collection year.
 * @param list - the 903 field, e.g. `PLACE`
 * @param canonical - our value, e.g. `supported-accommodation`
 * @param year - the collection year (2026 = 2025/26)
 * @returns the code, or undefined when the value has no code that year
 */
export function codeFor<L extends CodeListName>(
  list: L,
  canonical: CanonicalValues[L],
  year: CollectionYear,
): string | undefined {
  const entries = CODE_LISTS[list] as readonly CodeEntry<string>[]
  return entries.find(entry => entry.canonical === canonical && isInYear(entry, year))?.code
}

/**
 * The canonical value of a 903 code in a collection year (upper-cased first, as the validator does on load).
 * @param list - the 903 field
 * @param code - the code as found in a file
 * @param year - the collection year of the file
 * @returns our value, or undefined when the code was not valid that year
 */
export function canonicalFor<L extends CodeListName>(
  list: L,
  code: string,
  year: CollectionYear,
): CanonicalValues[L] | undefined {
  const upper = code.toUpperCase()
  const entries = CODE_LISTS[list] as readonly CodeEntry<CanonicalValues[L]>[]
  return entries.find(entry => entry.code === upper && isInYear(entry, year))?.canonical
}

/**
 * Every code valid for a list in a year, for checking imported files.
 * @param list - the 903 field
 * @param year - the collection year
 * @returns the codes
 */
export function codesIn(list: CodeListName, year: CollectionYear): string[] {
  const entries = CODE_LISTS[list] as readonly CodeEntry<string>[]
  return entries.filter(entry => isInYear(entry, year)).map(entry => entry.code)
}

/**
 * The OC3 ACCOM code: the accommodation letter and 1 (suitable) or 2 (unsuitable), or `0` (rule_133 accepts S and
 * X only with 2).
 * @param accommodation - the canonical accommodation
 * @param isSuitable - whether it is suitable
 * @returns the code, or undefined when the pair is not allowed
 */
export function accommodationCode(
  accommodation: CareLeaverAccommodation,
  isSuitable: boolean | null,
): string | undefined {
  const letter = codeFor('ACCOM', accommodation, 0)
  if (letter === '0') {
    return isSuitable === null ? '0' : undefined
  }
  if (letter === undefined || isSuitable === null) {
    return undefined
  }
  if ((letter === 'S' || letter === 'X') && isSuitable) {
    return undefined
  }
  return `${letter}${isSuitable ? '1' : '2'}`
}

/**
 * Reads an OC3 ACCOM code.
 * @param code - e.g. `U1`, `S2` or `0`
 * @returns the accommodation and its suitability, or undefined for an unknown code
 */
export function accommodationFromCode(
  code: string,
): { accommodation: CareLeaverAccommodation; isSuitable: boolean | null } | undefined {
  const upper = code.toUpperCase()
  if (upper === '0') {
    return { accommodation: 'not-applicable', isSuitable: null }
  }
  const accommodation = canonicalFor('ACCOM', upper.slice(0, 1), 0)
  const digit = upper.slice(1)
  if (accommodation === undefined || accommodation === 'not-applicable' || (digit !== '1' && digit !== '2')) {
    return undefined
  }
  const isSuitable = digit === '1'
  return accommodationCode(accommodation, isSuitable) === upper ? { accommodation, isSuitable } : undefined
}
