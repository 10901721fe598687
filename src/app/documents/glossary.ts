/**
 * Words and abbreviations used in plans and minutes, explained for someone who is not a social worker: the parents,
 * and the adult the child becomes reading their own record ([TAM] §10.7; [DOR] "be wary of jargon"). Each document
 * ends with the entries whose term it uses.
 */
import { paragraph, heading, type Block } from './document-model.ts'

export interface GlossaryEntry {
  readonly term: string
  /** Words whose appearance in a document means the entry is needed. */
  readonly matches: readonly RegExp[]
  readonly meaning: string
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'Permanence',
    matches: [/\bpermanen(ce|cy)\b/i],
    meaning: 'A safe, stable and loving home for the rest of childhood and beyond, decided in good time for the child.',
  },
  {
    term: 'Permanence plan',
    matches: [/\bpermanence plan\b/i],
    meaning: 'The plan for where and with whom a child will grow up, with the other options that were weighed.',
  },
  {
    term: 'PPM (permanence planning meeting)',
    matches: [/\bPPMs?\b/, /permanence planning meeting/i],
    meaning: 'A meeting, chaired by a team manager, that agrees and reviews the permanence plan.',
  },
  {
    term: 'IRO (independent reviewing officer)',
    matches: [/\bIROs?\b/, /independent reviewing officer/i],
    meaning:
      'A social worker who is independent of the child’s social work team. They chair the child’s reviews and check that the plan is right for the child and is not delayed.',
  },
  {
    term: 'QARO (quality assurance reviewing officer)',
    matches: [/\bQARO\b/],
    meaning: 'Dorset’s name for the independent reviewing officer.',
  },
  {
    term: 'Child in care review',
    matches: [/child in care review/i, /\bCIC review\b/i, /statutory review/i],
    meaning:
      'A meeting the law requires at set times for every child in care, chaired by the IRO, to review the child’s plan.',
  },
  {
    term: 'Ratified',
    matches: [/\bratif(y|ied|ication)\b/i],
    meaning: 'Agreed by the IRO at a child in care review.',
  },
  {
    term: 'Endorsed',
    matches: [/\bendorse(d|ment)?\b/i],
    meaning: 'Agreed by the team manager after the permanence planning meeting.',
  },
  {
    term: 'Parental responsibility',
    matches: [/parental responsibility/i],
    meaning: 'The rights and duties a parent has in law to make decisions about a child.',
  },
  {
    term: 'SGO (special guardianship order)',
    matches: [/\bSGO\b/, /special guardian/i],
    meaning:
      'A court order that makes a carer, often a relative, the child’s special guardian until they are 18. The special guardian makes most decisions about the child, who is no longer in care.',
  },
  {
    term: 'CAO (child arrangements order)',
    matches: [/\bCAO\b/, /child arrangements order/i],
    meaning: 'A court order that says who a child lives with or spends time with.',
  },
  {
    term: 'Long-term fostering',
    matches: [/long[- ]term fostering/i, /long[- ]term foster care/i],
    meaning: 'The child stays in care and lives with foster carers matched to look after them until adulthood.',
  },
  {
    term: 'Adoption',
    matches: [/\badopt(ion|ed)?\b/i],
    meaning:
      'A court order that makes the child a full member of a new family for life, ending the birth parents’ legal ties. Courts agree to it only when nothing else will do.',
  },
  {
    term: 'Fostering for adoption (early permanence)',
    matches: [/fostering for adoption/i, /early permanence/i, /\bFfA\b/],
    meaning:
      'A young child lives with carers who are approved both to foster and to adopt, so the child does not have to move if the court decides they should be adopted.',
  },
  {
    term: 'Staying Put',
    matches: [/staying put/i],
    meaning: 'A young person stays with their foster carers after they turn 18, up to 21.',
  },
  {
    term: 'Connected person',
    matches: [/connected person/i, /family and friends/i],
    meaning: 'A relative, friend or other person who knows the child and is assessed to care for them.',
  },
  {
    term: 'Twin or parallel tracking',
    matches: [/parallel track/i, /twin[- ]track/i, /triple[- ]track/i],
    meaning:
      'Working on more than one plan at the same time, so the child does not wait if the first plan cannot happen.',
  },
  {
    term: 'Contingency plan',
    matches: [/contingency/i],
    meaning: 'The back-up plan if the main plan cannot happen.',
  },
  {
    term: 'Viability assessment',
    matches: [/viab(le|ility)/i],
    meaning: 'A first assessment of whether a relative or friend could care for the child, before a full assessment.',
  },
  {
    term: 'Together or apart assessment',
    matches: [/together or apart/i],
    meaning: 'An assessment of whether brothers and sisters should live together or apart.',
  },
  {
    term: 'ADM (agency decision maker)',
    matches: [/\bADM\b/, /agency decision maker/i],
    meaning: 'A senior manager who makes the formal decisions about adoption and some fostering matches.',
  },
  {
    term: 'CPR (child’s permanence report)',
    matches: [/\bCPR\b/, /permanence report/i],
    meaning: 'A report about a child for whom adoption is the plan, prepared for the agency decision maker.',
  },
  {
    term: 'Legal gateway',
    matches: [/legal gateway/i],
    meaning: 'A meeting with the council’s lawyers that decides whether to go to court.',
  },
  {
    term: 'Re B (nothing else will do)',
    matches: [/\bRe B\b/, /nothing else will do/i],
    meaning:
      'A Supreme Court case (2013) that says a child should be adopted without their parents’ agreement only when nothing else will do.',
  },
]

/**
 * The glossary entries a document needs: those whose terms appear in its text.
 * @param text - all the document's text
 * @returns the entries, in glossary order
 */
export function glossaryFor(text: string): GlossaryEntry[] {
  return GLOSSARY.filter(entry => entry.matches.some(pattern => pattern.test(text)))
}

/**
 * The glossary section for a document.
 * @param blocks - the document's other blocks
 * @returns a heading and one definition per entry used, or nothing
 */
export function glossaryBlocks(blocks: readonly Block[]): Block[] {
  const text = blocks
    .map(block => {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
          return block.text
        case 'fields':
          return block.rows.map(row => `${row.label} ${row.value}`).join(' ')
        case 'list':
          return block.items.join(' ')
        case 'table':
          return [...block.headers, ...block.rows.flat()].join(' ')
      }
    })
    .join('\n')
  const entries = glossaryFor(text)
  if (entries.length === 0) {
    return []
  }
  return [
    heading(2, 'Words used in this document'),
    { kind: 'fields', rows: entries.map(entry => ({ label: entry.term, value: entry.meaning })) },
    paragraph('This list explains words and abbreviations so that anyone can read this record.', 'quiet'),
  ]
}
