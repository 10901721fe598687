/**
 * Each authority's words for the permanence options, as data over the canonical {@link OptionType}s
 * (docs/adr/0022-option-vocabularies-per-authority.md).
 *
 * - Dorset: FOUR options ([DOR] Golden Rules: "There are FOUR permanence options").
 * - Devon: eight ([DEV] "Children in our Care Permanence Planning").
 * - Tameside: eight ([TAM] §8.1–8.8).
 * - National: the canonical list, for authorities without their own.
 *
 * A type that an authority's list does not name is shown under its national label; it is not refused, because the
 * routes exist in law whatever a local list says (e.g. residential care is an Appendix 5 heading in Tameside but not
 * one of its §8 options).
 */
import { OPTION_TYPES, OPTION_TYPE_VALUES, type OptionType } from './permanence-options.ts'

export interface VocabularyEntry {
  /** A stable key within the vocabulary. */
  readonly key: string
  /** The authority's own heading. */
  readonly label: string
  /** The canonical types the heading covers. */
  readonly covers: readonly OptionType[]
}

export const VOCABULARY_NAMES = ['national', 'dorset', 'devon', 'tameside'] as const
export type VocabularyName = (typeof VOCABULARY_NAMES)[number]

export const OPTION_VOCABULARIES: Readonly<Record<VocabularyName, readonly VocabularyEntry[]>> = {
  national: OPTION_TYPE_VALUES.map(type => ({ key: type, label: OPTION_TYPES[type].label, covers: [type] })),
  // [DOR] Golden Rules: Reunification; Staying Put/Long-Term Fostering; Special Guardianship; Adoption/Early Permanence.
  dorset: [
    { key: 'reunification', label: 'Reunification', covers: ['reunification'] },
    {
      key: 'staying-put-long-term-fostering',
      label: 'Staying Put/Long-Term Fostering',
      covers: ['long-term-fostering', 'staying-put'],
    },
    { key: 'special-guardianship', label: 'Special Guardianship', covers: ['special-guardianship'] },
    { key: 'adoption-early-permanence', label: 'Adoption/Early Permanence', covers: ['adoption', 'early-permanence'] },
  ],
  // [DEV] One Minute Guide, "Children in our Care Permanence Planning" (eight bullets).
  devon: [
    { key: 'reunification', label: 'Reunification/Staying at Home', covers: ['reunification'] },
    {
      key: 'kinship',
      label: 'Placements with Kinship Carers / Family and Friends Carers',
      covers: ['family-and-friends'],
    },
    { key: 'adoption', label: 'Adoption', covers: ['adoption'] },
    {
      key: 'early-permanence',
      label: 'Early Permanence Placements / Fostering for Adoption',
      covers: ['early-permanence'],
    },
    { key: 'special-guardianship', label: 'Special Guardianship (SGO)', covers: ['special-guardianship'] },
    { key: 'child-arrangements-order', label: 'Child Arrangements Orders', covers: ['child-arrangements-order'] },
    { key: 'long-term-fostering', label: 'Long Term Fostering', covers: ['long-term-fostering'] },
    { key: 'residential', label: 'Permanence and Residential Care', covers: ['residential-care'] },
  ],
  // [TAM] §8.1–8.8. "Staying at home" and "Reunification home" are one canonical type (the child lives with their
  // parents), so both headings cover it and the label joins them; fostering for adoption is described inside §8.7.
  tameside: [
    { key: 'staying-at-home', label: 'Staying at home', covers: ['reunification'] },
    { key: 'reunification', label: 'Reunification home', covers: ['reunification'] },
    { key: 'relatives-or-friends', label: 'Placement with Relatives or Friends', covers: ['family-and-friends'] },
    { key: 'child-arrangements-order', label: 'Child Arrangements Order', covers: ['child-arrangements-order'] },
    { key: 'special-guardianship', label: 'Special Guardianship Order', covers: ['special-guardianship'] },
    { key: 'long-term-fostering', label: 'Long-Term Foster Care', covers: ['long-term-fostering'] },
    { key: 'adoption', label: 'Adoption', covers: ['adoption', 'early-permanence'] },
    { key: 'staying-put', label: 'Staying Put', covers: ['staying-put'] },
  ],
}

/**
 * The vocabulary entries that cover an option type (none when the authority's list does not name it).
 * @param vocabulary - which authority's words
 * @param type - the canonical type
 * @returns the entries, in the authority's order
 */
export function vocabularyEntriesFor(vocabulary: VocabularyName, type: OptionType): readonly VocabularyEntry[] {
  return OPTION_VOCABULARIES[vocabulary].filter(entry => entry.covers.includes(type))
}

/**
 * The heading to show for an option type in an authority's words (headings that share a type are joined), falling
 * back to the national label.
 * @param vocabulary - which authority's words
 * @param type - the canonical type
 * @returns the label
 */
export function optionLabel(vocabulary: VocabularyName, type: OptionType): string {
  const entries = vocabularyEntriesFor(vocabulary, type)
  return entries.length === 0 ? OPTION_TYPES[type].label : entries.map(entry => entry.label).join(' / ')
}
