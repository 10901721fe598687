/**
 * The learning brief of an audit round, computed from the grades: for each domain the share of audits judged good or
 * better (the moderator's grade where they changed it), against the previous round; how many audits were moderated
 * and how many grades moderation changed; the spread of grades; and the strongest themes in the auditors' evidence
 * (phrases that recur across audits, with how many audits used them). [LB19] is the model: "73% of audits were
 * moderated", "(18% of Decision Making was judged to be Good)".
 */
import {
  AUDIT_DOMAIN_LABELS,
  AUDIT_DOMAINS,
  AUDIT_GRADES,
  isGoodOrBetter,
  type AuditDomain,
  type AuditGrade,
} from './audit-domains.ts'
import { finalGrades, type AuditJudgements, type ModerationJudgements } from './audit-round.ts'

/** One case as the brief sees it: its submitted audit and submitted moderation, if any. */
export interface BriefCase {
  readonly audit: AuditJudgements | null
  readonly moderation: ModerationJudgements | null
  readonly isChosenForModeration: boolean
}

export type GradeCounts = Record<AuditGrade, number>

export interface DomainFigures {
  readonly domain: AuditDomain
  readonly label: string
  readonly graded: number
  readonly goodOrBetter: number
  /** Whole per cent judged good or better, null when nothing was graded. */
  readonly percentGood: number | null
  readonly previousPercentGood: number | null
  /** Percentage points since the previous round (null when either is missing). */
  readonly change: number | null
  readonly counts: GradeCounts
}

export interface Theme {
  readonly domain: AuditDomain
  readonly phrase: string
  /** How many audits used it. */
  readonly audits: number
  /** A sentence of evidence that uses it. */
  readonly example: string
}

export interface LearningBrief {
  readonly casesInSample: number
  readonly casesAudited: number
  readonly casesChosenForModeration: number
  readonly casesModerated: number
  /** Whole per cent of audited cases that were moderated, null when none are audited. */
  readonly moderationPercent: number | null
  readonly gradesModerated: number
  readonly gradesChanged: number
  readonly domains: readonly DomainFigures[]
  readonly overall: GradeCounts
  readonly previousOverall: GradeCounts | null
  /** Domains with the highest share good or better, best first (at most three, only those graded). */
  readonly strongest: readonly AuditDomain[]
  /** Domains with the lowest share, weakest first. */
  readonly weakest: readonly AuditDomain[]
  /** Recurring phrases in the evidence of audits graded good or better in the strongest domains. */
  readonly strengthThemes: readonly Theme[]
  /** Recurring phrases in "what would make it better" in the weakest domains. */
  readonly improvementThemes: readonly Theme[]
}

const emptyCounts = (): GradeCounts => ({ outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0 })

/**
 * A whole percentage, rounded half up.
 * @param part - the part
 * @param whole - the whole
 * @returns the percentage, or null when the whole is 0
 */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 100) / whole)
}

function domainCounts(cases: readonly BriefCase[]): Map<AuditDomain, GradeCounts> {
  const counts = new Map(AUDIT_DOMAINS.map(domain => [domain, emptyCounts()]))
  for (const auditCase of cases) {
    const grades = finalGrades(auditCase.audit, auditCase.moderation)
    for (const [domain, grade] of Object.entries(grades) as [AuditDomain, AuditGrade][]) {
      counts.get(domain)![grade] += 1
    }
  }
  return counts
}

const STOP_WORDS = new Set(
  `a about after again all also an and any are as at be been before being but by can child child's childs could did
  do does done for from had has have he her his how i if in into is it its made make more most much must no not of on
  once one only or other our out over own she should so some such than that the their them then there these they
  this those through to too very was we were what when where which while who why will with would you your yet up
  been were being well clear clearly`.split(/\s+/),
)

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map(s => s.trim())
    .filter(s => s.length > 0)
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(w => w.length > 0)
}

/**
 * Phrases of two or three words (stop words at either end dropped) that recur across texts, each text counted once.
 * @param texts - one text per audit
 * @param minimum - the fewest audits a phrase must appear in
 * @returns phrases with the number of audits using them, most used first (longer phrases first on a tie)
 */
export function recurringPhrases(texts: readonly string[], minimum = 2): { phrase: string; audits: number }[] {
  const counts = new Map<string, number>()
  for (const text of texts) {
    const seen = new Set<string>()
    for (const sentence of sentences(text)) {
      const words = wordsOf(sentence)
      for (const length of [2, 3]) {
        for (let i = 0; i + length <= words.length; i += 1) {
          const gram = words.slice(i, i + length)
          if (STOP_WORDS.has(gram[0]!) || STOP_WORDS.has(gram[gram.length - 1]!)) {
            continue
          }
          seen.add(gram.join(' '))
        }
      }
    }
    for (const phrase of seen) {
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1)
    }
  }
  const found = [...counts.entries()]
    .filter(([, n]) => n >= minimum)
    .map(([phrase, audits]) => ({ phrase, audits }))
    .sort(
      (a, b) =>
        b.audits - a.audits ||
        b.phrase.split(' ').length - a.phrase.split(' ').length ||
        (a.phrase < b.phrase ? -1 : 1),
    )
  // Drop a phrase inside a longer one used as often (keep "life story work", not also "life story").
  return found.filter(
    candidate =>
      !found.some(
        other =>
          other !== candidate &&
          other.audits >= candidate.audits &&
          other.phrase.length > candidate.phrase.length &&
          ` ${other.phrase} `.includes(` ${candidate.phrase} `),
      ),
  )
}

function themesFor(domain: AuditDomain, texts: readonly string[], perDomain: number): Theme[] {
  return recurringPhrases(texts)
    .slice(0, perDomain)
    .map(({ phrase, audits }) => ({
      domain,
      phrase,
      audits,
      example: texts.flatMap(sentences).find(sentence => wordsOf(sentence).join(' ').includes(phrase)) ?? '',
    }))
}

/**
 * Computes a round's learning brief.
 * @param cases - the round's cases
 * @param previous - the previous round's cases, if there was one
 * @returns the brief's figures and themes
 */
export function computeLearningBrief(
  cases: readonly BriefCase[],
  previous: readonly BriefCase[] | null,
): LearningBrief {
  const audited = cases.filter(c => c.audit !== null)
  const moderated = audited.filter(c => c.moderation !== null)
  let gradesModerated = 0
  let gradesChanged = 0
  for (const c of moderated) {
    for (const domain of AUDIT_DOMAINS) {
      const outcome = c.moderation![domain]?.outcome
      if (outcome) {
        gradesModerated += 1
        gradesChanged += outcome === 'changed' ? 1 : 0
      }
    }
  }
  const counts = domainCounts(audited)
  const previousCounts = previous ? domainCounts(previous.filter(c => c.audit !== null)) : null
  const domains: DomainFigures[] = AUDIT_DOMAINS.map(domain => {
    const own = counts.get(domain)!
    const graded = AUDIT_GRADES.reduce((sum, g) => sum + own[g], 0)
    const goodOrBetter = own.outstanding + own.good
    const percentGood = percent(goodOrBetter, graded)
    const before = previousCounts?.get(domain)
    const previousPercentGood = before
      ? percent(
          before.outstanding + before.good,
          AUDIT_GRADES.reduce((sum, g) => sum + before[g], 0),
        )
      : null
    return {
      domain,
      label: AUDIT_DOMAIN_LABELS[domain],
      graded,
      goodOrBetter,
      percentGood,
      previousPercentGood,
      change: percentGood !== null && previousPercentGood !== null ? percentGood - previousPercentGood : null,
      counts: own,
    }
  })
  const sumCounts = (map: Map<AuditDomain, GradeCounts>): GradeCounts => {
    const total = emptyCounts()
    for (const c of map.values()) {
      for (const g of AUDIT_GRADES) {
        total[g] += c[g]
      }
    }
    return total
  }
  const ranked = domains
    .filter(d => d.percentGood !== null)
    .sort(
      (a, b) => b.percentGood! - a.percentGood! || AUDIT_DOMAINS.indexOf(a.domain) - AUDIT_DOMAINS.indexOf(b.domain),
    )
  const strongest = ranked.slice(0, 3).map(d => d.domain)
  const weakest = [...ranked]
    .reverse()
    .filter(d => !strongest.includes(d.domain))
    .slice(0, 3)
    .map(d => d.domain)
  const strengthThemes = strongest.flatMap(domain =>
    themesFor(
      domain,
      audited.flatMap(c => {
        const grade = finalGrades(c.audit, c.moderation)[domain]
        return grade && isGoodOrBetter(grade) ? [c.audit![domain]?.evidence ?? ''] : []
      }),
      2,
    ),
  )
  const improvementThemes = weakest.flatMap(domain =>
    themesFor(
      domain,
      audited.map(c => c.audit![domain]?.improvement ?? ''),
      2,
    ),
  )
  return {
    casesInSample: cases.length,
    casesAudited: audited.length,
    casesChosenForModeration: cases.filter(c => c.isChosenForModeration).length,
    casesModerated: moderated.length,
    moderationPercent: percent(moderated.length, audited.length),
    gradesModerated,
    gradesChanged,
    domains,
    overall: sumCounts(counts),
    previousOverall: previousCounts ? sumCounts(previousCounts) : null,
    strongest,
    weakest,
    strengthThemes,
    improvementThemes,
  }
}

/**
 * The brief's opening paragraph, in the learning brief's style, from the figures.
 * @param brief - the figures
 * @param theme - the round's theme, e.g. "Permanence"
 * @returns the paragraph
 */
export function openingParagraph(brief: LearningBrief, theme: string): string {
  const parts: string[] = []
  parts.push(
    `This learning brief links to the ${brief.casesAudited} case-file audit${brief.casesAudited === 1 ? '' : 's'} completed on the theme of ${theme}` +
      (brief.casesAudited < brief.casesInSample ? ` (of ${brief.casesInSample} children in the sample).` : '.'),
  )
  if (brief.moderationPercent !== null) {
    parts.push(
      `${brief.moderationPercent}% of audits were moderated, and moderation changed ${brief.gradesChanged} of ${brief.gradesModerated} grade${brief.gradesModerated === 1 ? '' : 's'} it looked at.`,
    )
  }
  if (brief.previousOverall) {
    const share = (counts: GradeCounts, grade: AuditGrade) =>
      percent(
        counts[grade],
        AUDIT_GRADES.reduce((sum, g) => sum + counts[g], 0),
      ) ?? 0
    const outstandingNow = share(brief.overall, 'outstanding')
    const outstandingBefore = share(brief.previousOverall, 'outstanding')
    const inadequateNow = share(brief.overall, 'inadequate')
    const inadequateBefore = share(brief.previousOverall, 'inadequate')
    const more =
      outstandingNow > outstandingBefore ? 'A higher' : outstandingNow < outstandingBefore ? 'A lower' : 'The same'
    const fewer =
      inadequateNow < inadequateBefore ? 'fewer' : inadequateNow > inadequateBefore ? 'more' : 'the same share of'
    parts.push(
      `${more} share of Outstanding judgements was made than in the previous round (${outstandingNow}% against ${outstandingBefore}%), and ${fewer} Inadequate judgements (${inadequateNow}% against ${inadequateBefore}%).`,
    )
  }
  return parts.join(' ')
}

/**
 * The figure for one domain in the brief's words, e.g. "36% of audits judged Assessment to be good or better, up
 * from 20% in the previous round".
 * @param figures - the domain's figures
 * @returns the sentence (without a full stop)
 */
export function domainSentence(figures: DomainFigures): string {
  if (figures.percentGood === null) {
    return `No audit graded ${figures.label.toLowerCase()}`
  }
  const base = `${figures.percentGood}% of audits judged ${figures.label.toLowerCase()} to be good or better (${figures.goodOrBetter} of ${figures.graded})`
  if (figures.change === null) {
    return base
  }
  if (figures.change === 0) {
    return `${base}, the same as the previous round`
  }
  return `${base}, ${figures.change > 0 ? 'up' : 'down'} from ${figures.previousPercentGood}% in the previous round`
}
