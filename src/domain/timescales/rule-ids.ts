/**
 * The rule IDs the engine evaluates, with their titles, as in rules.md §2 (use these IDs everywhere: items, packs,
 * dashboards, tests).
 */

/** Titles of every rule the engine evaluates, keyed by rules.md ID. */
export const RULE_TITLES = {
  'CP-01': 'Care plan',
  'CP-03': 'Placement plan',
  'PP-01': 'Permanence plan by the second review',
  'PP-02': 'First permanence planning meeting',
  'PP-03': 'Permanence plan sent to team manager before the meeting',
  'PP-04': 'Next permanence planning meeting',
  'PP-05': 'Long-term fostering plan review',
  'PP-06': 'Permanence planning meeting before a key event',
  'PP-07': 'Next permanence planning meeting booked',
  'PP-08': 'Change of permanence option considered at a review',
  'PP-09': 'Permanence Panel cost threshold',
  'PP-10': 'Child and family assessment updated',
  'REV-01': 'First looked-after review',
  'REV-02': 'Second looked-after review',
  'REV-03': 'Next looked-after review',
  'REV-04': 'Review brought forward',
  'REV-05': 'Staying Put considered at review',
  'VIS-01': 'Social worker visit',
  'VIS-03': 'Social worker visit (placed with parent before assessment)',
  'VIS-04': 'Social worker visit (connected person or interim care order at home)',
  'VIS-05': 'Social worker visit (care order, living with parent)',
  'HLT-01': 'Initial health assessment',
  'HLT-02': 'Review health assessment',
  'EDU-01': 'Personal education plan',
  'KIT-01': 'Contact suspension limit',
  'PRC-01': 'Care proceedings: 26 weeks',
  'PRC-02': 'Care proceedings: extended timetable',
  'ADO-01': 'Adoption review (authorised, not yet placed)',
  'ADO-02': 'Adoption review (placed for adoption)',
  'ADO-03': 'Adoption placement visit',
  'ADO-08': 'Adoption timeliness threshold',
  'CL-01': 'Eligible child needs assessment',
  'CON-01': 'Connected person temporary approval',
  'CON-02': 'Connected person approval extension',
  'PF-03': 'Private fostering first visit',
  'PF-04': 'Private fostering visit',
  'LTF-03': 'Staying Put discussed at long-term fostering match',
} as const

/** A rules.md rule ID the engine evaluates. */
export type RuleId = keyof typeof RULE_TITLES

/** Every rule ID, in rules.md order. */
export const RULE_IDS = Object.keys(RULE_TITLES) as [RuleId, ...RuleId[]]
