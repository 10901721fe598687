import { describe, expect, it } from 'vitest'
import { AUDIT_DOMAINS, type AuditGrade } from './audit-domains.ts'
import type { AuditJudgements } from './audit-round.ts'
import {
  computeLearningBrief,
  domainSentence,
  openingParagraph,
  percent,
  recurringPhrases,
  type BriefCase,
} from './learning-brief.ts'

function audit(
  gradeOf: (domain: string) => AuditGrade,
  evidence = 'Evidence',
  improvement = 'Improve',
): AuditJudgements {
  return Object.fromEntries(AUDIT_DOMAINS.map(d => [d, { grade: gradeOf(d), evidence, improvement }]))
}

// Eleven audits, as in a small round: 4 of 11 assessments good (36%), 2 of 11 decision making (18%).
const round: BriefCase[] = Array.from({ length: 11 }, (_, i) => ({
  audit: audit(
    d =>
      d === 'assessment'
        ? i < 4
          ? 'good'
          : 'requires-improvement'
        : d === 'decision-making'
          ? i < 2
            ? 'outstanding'
            : 'inadequate'
          : 'good',
    i % 2 === 0 ? 'Life story work has started. The child’s views were recorded.' : 'Life story work started early.',
    'A balance sheet of the options is needed.',
  ),
  moderation:
    i < 8
      ? { reviews: { outcome: i === 0 ? 'changed' : 'agreed', grade: i === 0 ? 'inadequate' : null, reason: 'r' } }
      : null,
  isChosenForModeration: i < 9,
}))

describe('the learning brief', () => {
  const brief = computeLearningBrief(round, null)

  it('computes the share judged good or better per domain from the grades (the 2019 brief’s 36% and 18%)', () => {
    const byDomain = new Map(brief.domains.map(d => [d.domain, d]))
    expect(byDomain.get('assessment')).toMatchObject({ graded: 11, goodOrBetter: 4, percentGood: 36 })
    expect(byDomain.get('decision-making')).toMatchObject({ goodOrBetter: 2, percentGood: 18 })
    // Moderation changed one review from good to inadequate: 10 of 11.
    expect(byDomain.get('reviews')?.percentGood).toBe(91)
  })

  it('reports the moderation rate and how many grades moderation changed', () => {
    expect(brief.casesModerated).toBe(8)
    expect(brief.casesChosenForModeration).toBe(9)
    expect(brief.moderationPercent).toBe(73)
    expect(brief.gradesModerated).toBe(8)
    expect(brief.gradesChanged).toBe(1)
    expect(openingParagraph(brief, 'Permanence')).toContain('73% of audits were moderated')
  })

  it('compares with the previous round', () => {
    const previous = round.map(c => ({ ...c, audit: audit(() => 'requires-improvement'), moderation: null }))
    const compared = computeLearningBrief(round, previous)
    const assessment = compared.domains.find(d => d.domain === 'assessment')!
    expect(assessment).toMatchObject({ previousPercentGood: 0, change: 36 })
    expect(domainSentence(assessment)).toBe(
      '36% of audits judged assessment to be good or better (4 of 11), up from 0% in the previous round',
    )
    expect(openingParagraph(compared, 'Permanence')).toContain('A higher share of Outstanding judgements')
  })

  it('finds the strongest and weakest domains and the themes that recur in the evidence', () => {
    expect(brief.strongest[0]).toBe('plans')
    expect(brief.weakest[0]).toBe('decision-making')
    expect(brief.strengthThemes[0]).toMatchObject({ phrase: 'life story work', audits: 11 })
    expect(brief.strengthThemes[0]!.example).toContain('Life story work')
    expect(brief.improvementThemes.map(t => t.phrase)).toContain('balance sheet')
  })

  it('says plainly when nothing was graded', () => {
    const empty = computeLearningBrief([{ audit: null, moderation: null, isChosenForModeration: false }], null)
    expect(empty.moderationPercent).toBeNull()
    expect(domainSentence(empty.domains[0]!)).toBe('No audit graded assessment')
    expect(percent(1, 0)).toBeNull()
  })

  it('counts a phrase once per audit and needs it in two audits', () => {
    expect(recurringPhrases(['family network explored. Family network!', 'family network'])).toEqual([
      { phrase: 'family network', audits: 2 },
    ])
    expect(recurringPhrases(['unique words here'])).toEqual([])
  })
})
