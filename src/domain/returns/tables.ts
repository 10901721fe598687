/**
 * The SSDA903 CSV tables: their exact column sets, which years carry them, which columns are dates or codes and
 * which may be blank.
 *
 * Column sets: data-to-insight/csc-validator-be-903 `lac_validator/config.py` @364c765 (the validator identifies a
 * CSV by its exact set of column names, `ingress.py:_get_file_type`). DoLo (2026/27):
 * SocialFinanceDigitalLabs/liia-tools-pipeline `liiatools/ssda903_pipeline/spec/SSDA903_schema_2027.diff.yml`
 * @480ad86. Blank rules: liia-tools `liiatools/spec/s903/SSDA903_schema_2024.yml` @019184f (`canbeblank: no`).
 */
import type { CollectionYear } from './collection-year.ts'
import type { CodeListName } from './code-maps.ts'

export const TABLE_NAMES = [
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
] as const
export type TableName = (typeof TABLE_NAMES)[number]

/** Each table's columns, in the order we write them. */
export const TABLE_COLUMNS: Readonly<Record<TableName, readonly string[]>> = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
}

/** The file names the validator's tests use, so an analyst recognises them. */
export const TABLE_FILE_NAMES: Readonly<Record<TableName, string>> = {
  Header: 'header.csv',
  Episodes: 'episodes.csv',
  Reviews: 'reviews.csv',
  UASC: 'uasc.csv',
  OC2: 'oc2.csv',
  OC3: 'oc3.csv',
  AD1: 'ad1.csv',
  PlacedAdoption: 'placed_for_adoption.csv',
  PrevPerm: 'previous_permanence.csv',
  Missing: 'missing.csv',
  SWEpisodes: 'sw_episodes.csv',
  DoLo: 'DoLo.csv',
}

/**
 * The tables a collection year's return carries: SW episodes from 2023/24, DoLo from 2026/27
 * (national-returns.md §1.3).
 * @param year - the collection year
 * @returns the table names
 */
export function tablesForYear(year: CollectionYear): TableName[] {
  return TABLE_NAMES.filter(name => (name !== 'SWEpisodes' || year >= 2024) && (name !== 'DoLo' || year >= 2027))
}

/** Columns holding `dd/mm/yyyy` dates. DATE_PERM may have `ZZ` parts and is handled apart. */
export const DATE_COLUMNS: ReadonlySet<string> = new Set([
  'DOB',
  'MC_DOB',
  'DECOM',
  'DEC',
  'REVIEW',
  'DUC',
  'DATE_INT',
  'DATE_MATCH',
  'DATE_PLACED',
  'DATE_PLACED_CEASED',
  'MIS_START',
  'MIS_END',
  'SW_DECOM',
  'SW_DEC',
  'DOLO_START',
  'DOLO_END',
])

/** Columns holding a code from a year-specific list. */
export const CODE_COLUMNS: Readonly<Partial<Record<string, CodeListName>>> = {
  SEX: 'SEX',
  ETHNIC: 'ETHNIC',
  RNE: 'RNE',
  LS: 'LS',
  CIN: 'CIN',
  PLACE: 'PLACE',
  PLACE_PROVIDER: 'PLACE_PROVIDER',
  REC: 'REC',
  REASON_PLACE_CHANGE: 'REASON_PLACE_CHANGE',
  REVIEW_CODE: 'REVIEW_CODE',
  PREV_PERM: 'PREV_PERM',
  REASON_PLACED_CEASED: 'REASON_PLACED_CEASED',
  SEX_ADOPTR: 'SEX_ADOPTR',
  LS_ADOPTR: 'LS_ADOPTR',
  MISSING: 'MISSING',
  SW_REASON: 'SW_REASON',
  SDQ_REASON: 'SDQ_REASON',
  IN_TOUCH: 'IN_TOUCH',
  ACTIV: 'ACTIV',
}

/** Columns holding 0 or 1. */
export const FLAG_COLUMNS: ReadonlySet<string> = new Set([
  'MOTHER',
  'FOSTER_CARE',
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
])

/** Columns that may not be blank (liia-tools schema `canbeblank: no`). */
export const REQUIRED_COLUMNS: Readonly<Record<TableName, readonly string[]>> = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE'],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'DOB', 'SEX'],
  OC2: ['CHILD', 'DOB'],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START'],
}

/** A table as header row plus data rows, every cell a string (empty for null). */
export type TableRows = string[][]
