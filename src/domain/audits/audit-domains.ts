/**
 * Case-file audits: the domains of the permanence learning brief ([LB19]: "Learning brief – achieving permanence for
 * children and young people", July 2019) and the four Ofsted-style grades each domain is judged on.
 */

/** The domains of the audit form, in the order of the learning brief. */
export const AUDIT_DOMAINS = [
  'assessment',
  'plans',
  'decision-making',
  'reviews',
  'family-solutions-and-participation',
  'options-considered',
  'siblings',
  'stability',
  'outcomes-for-the-child',
  'permanence',
] as const
export type AuditDomain = (typeof AUDIT_DOMAINS)[number]

export const AUDIT_DOMAIN_LABELS: Readonly<Record<AuditDomain, string>> = {
  assessment: 'Assessment',
  plans: 'Plans',
  'decision-making': 'Decision making',
  reviews: 'Reviews',
  'family-solutions-and-participation': 'Family solutions and participation',
  'options-considered': 'Options considered',
  siblings: 'Siblings',
  stability: 'Stability',
  'outcomes-for-the-child': 'Outcomes for the child',
  permanence: 'Permanence',
}

/** What good looks like in each domain, in the learning brief's words (shown to auditors as the question). */
export const AUDIT_DOMAIN_QUESTIONS: Readonly<Record<AuditDomain, string>> = {
  assessment:
    'Is the assessment analytical and decisive, telling the story of the child, weighing risk against strengths and the parents’ capacity to change within the child’s timescale?',
  plans:
    'Was there a permanence plan by the second review, with clear goals, timescales and a viable contingency, reflecting the child’s ties to people, places and things?',
  'decision-making':
    'Were decisions swift and clear, analysing and challenging the evidence, and considering the legal route this child needs?',
  reviews:
    'Do reviews keep the child at the centre, challenge the options, hear the child and family, and prevent drift and delay?',
  'family-solutions-and-participation':
    'Were family networks explored early, the family supported to form its own solutions, and the child’s voice recorded and acted on?',
  'options-considered':
    'Was more than one option considered and planned for concurrently, with a balance sheet and reasons for ruling options out?',
  siblings:
    'Where the child has brothers or sisters, was living together or apart assessed before permanence arrangements were made?',
  stability:
    'Is the child’s care predictable and consistent, with placement support and life story work to reduce fear and build belonging?',
  'outcomes-for-the-child':
    'Is the child safer, settled and making progress; has continuity of relationships helped them build their identity?',
  permanence:
    'Does the child have security, stability, love and a strong sense of identity and belonging, legally, physically and emotionally?',
}

/** The grades, best first. */
export const AUDIT_GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const
export type AuditGrade = (typeof AUDIT_GRADES)[number]

export const AUDIT_GRADE_LABELS: Readonly<Record<AuditGrade, string>> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
}

/**
 * Whether a grade counts as "good or better" (the learning brief's "judged to be Good").
 * @param grade - the grade
 * @returns true for outstanding and good
 */
export function isGoodOrBetter(grade: AuditGrade): boolean {
  return grade === 'outstanding' || grade === 'good'
}
