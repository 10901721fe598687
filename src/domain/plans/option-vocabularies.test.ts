import { describe, expect, it } from 'vitest'
import { OPTION_VOCABULARIES, VOCABULARY_NAMES, optionLabel, vocabularyEntriesFor } from './option-vocabularies.ts'
import { OPTION_TYPE_VALUES } from './permanence-options.ts'

describe('each authority’s words for the permanence options (docs/adr/0022)', () => {
  it.each([
    ['Dorset has FOUR options ([DOR] Golden Rules)', 'dorset', 4],
    ['Devon has eight ([DEV] Children in our Care Permanence Planning)', 'devon', 8],
    ['Tameside has eight ([TAM] §8.1–8.8)', 'tameside', 8],
    ['the national list has one per canonical type', 'national', OPTION_TYPE_VALUES.length],
  ] as const)('%s', (_name, vocabulary, count) => {
    expect(OPTION_VOCABULARIES[vocabulary]).toHaveLength(count)
  })

  it.each([
    ['Dorset shows adoption as Adoption/Early Permanence', 'dorset', 'adoption', 'Adoption/Early Permanence'],
    ['Dorset groups early permanence with adoption', 'dorset', 'early-permanence', 'Adoption/Early Permanence'],
    [
      'Dorset groups long-term fostering with Staying Put',
      'dorset',
      'long-term-fostering',
      'Staying Put/Long-Term Fostering',
    ],
    [
      'Dorset has no heading for a CAO, so the national label is used',
      'dorset',
      'child-arrangements-order',
      'Child arrangements order',
    ],
    ['Devon names residential care', 'devon', 'residential-care', 'Permanence and Residential Care'],
    [
      'Tameside’s two headings for living with parents are joined',
      'tameside',
      'reunification',
      'Staying at home / Reunification home',
    ],
    [
      'Tameside §8 has no residential heading, so the national label is used',
      'tameside',
      'residential-care',
      'Residential care',
    ],
    ['Tameside describes fostering for adoption under Adoption (§8.7)', 'tameside', 'early-permanence', 'Adoption'],
  ] as const)('%s', (_name, vocabulary, type, label) => {
    expect(optionLabel(vocabulary, type)).toBe(label)
  })

  it('every vocabulary entry covers only canonical option types, and every vocabulary key is unique', () => {
    for (const name of VOCABULARY_NAMES) {
      const keys = OPTION_VOCABULARIES[name].map(entry => entry.key)
      expect(new Set(keys).size).toBe(keys.length)
      for (const entry of OPTION_VOCABULARIES[name]) {
        for (const type of entry.covers) {
          expect(OPTION_TYPE_VALUES).toContain(type)
        }
      }
    }
  })

  it('the national vocabulary covers every canonical type exactly once', () => {
    for (const type of OPTION_TYPE_VALUES) {
      expect(vocabularyEntriesFor('national', type)).toHaveLength(1)
    }
  })
})
