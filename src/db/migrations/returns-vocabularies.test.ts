/**
 * The CHECK lists of migration 0050 hold exactly the domain's canonical vocabularies, so every value the domain can
 * produce can be stored and nothing else can.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ADOPTER_LEGAL_STATUSES,
  ADOPTER_SEXES,
  ADOPTION_DECISION_CEASED_REASONS,
  CARE_LEAVER_ACCOMMODATIONS,
  CARE_LEAVER_ACTIVITIES,
  CARE_LEAVER_CONTACTS,
  MISSING_KINDS,
  SDQ_REASONS,
  SOCIAL_WORKER_CHANGE_REASONS,
} from '../../domain/returns/return-facts.ts'

const sql = readFileSync(new URL('./0050_returns.sql', import.meta.url), 'utf8')

function checkList(column: string): string[] {
  const match = new RegExp(`${column} text (?:NOT NULL )?CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sql)
  if (!match) {
    throw new Error(`No CHECK list for ${column}`)
  }
  return [...match[1]!.matchAll(/'([^']+)'/g)].map(m => m[1]!).sort()
}

describe('migration 0050 stores the canonical return vocabularies', () => {
  it.each([
    ['decision_ceased_reason', Object.keys(ADOPTION_DECISION_CEASED_REASONS)],
    ['adopter_sexes', Object.keys(ADOPTER_SEXES)],
    ['adopter_legal_status', Object.keys(ADOPTER_LEGAL_STATUSES)],
    ['kind', Object.keys(MISSING_KINDS)],
    ['change_reason', [...SOCIAL_WORKER_CHANGE_REASONS]],
    ['sdq_reason', Object.keys(SDQ_REASONS)],
    ['contact', Object.keys(CARE_LEAVER_CONTACTS)],
    ['activity', Object.keys(CARE_LEAVER_ACTIVITIES)],
    ['accommodation', Object.keys(CARE_LEAVER_ACCOMMODATIONS)],
  ])('%s', (column, values) => {
    expect(checkList(column)).toEqual([...values].sort())
  })
})
