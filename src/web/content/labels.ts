/** Plain-English labels for stored codes, for pages. */
import {
  CATEGORIES_OF_NEED,
  ETHNICITIES,
  LEGAL_STATUSES,
  ORDER_TYPES,
  PLACEMENT_TYPES,
  REASONS_CARE_ENDED,
  REASONS_PLACEMENT_ENDED,
  RELATIONSHIPS,
  REVIEW_PARTICIPATION,
  SEXES,
  SIBLING_KINDS,
} from '../../domain/children/codes.ts'

function lookup(table: Readonly<Record<string, string | { label: string }>>, code: string | null | undefined): string {
  if (code === null || code === undefined) {
    return ''
  }
  const entry = table[code]
  return entry === undefined ? code : typeof entry === 'string' ? entry : entry.label
}

export const labels = {
  legalStatus: (code: string | null | undefined) => lookup(LEGAL_STATUSES, code),
  placementType: (code: string | null | undefined) => lookup(PLACEMENT_TYPES, code),
  reasonCareEnded: (code: string | null | undefined) => lookup(REASONS_CARE_ENDED, code),
  reasonPlacementEnded: (code: string | null | undefined) => lookup(REASONS_PLACEMENT_ENDED, code),
  ethnicity: (code: string | null | undefined) => lookup(ETHNICITIES, code),
  sex: (code: string | null | undefined) => lookup(SEXES, code),
  categoryOfNeed: (code: string | null | undefined) => lookup(CATEGORIES_OF_NEED, code),
  orderType: (code: string | null | undefined) => lookup(ORDER_TYPES, code),
  relationship: (code: string | null | undefined) => lookup(RELATIONSHIPS, code),
  participation: (code: string | null | undefined) => lookup(REVIEW_PARTICIPATION, code),
  siblingKind: (code: string | null | undefined) => lookup(SIBLING_KINDS, code),
}
