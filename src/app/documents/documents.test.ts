import { describe, expect, it } from 'vitest'
import { MeetingActionSchema, InviteeSchema } from '../../domain/meetings/meeting-schemas.ts'
import { composeMyPlan } from '../../domain/plans/compose-my-plan.ts'
import { CHILD_ID, SIBLING_ID, d, meeting, planIn } from '../../domain/plans/testing/fixtures.ts'
import type { Block, DocumentModel } from './document-model.ts'
import { glossaryFor } from './glossary.ts'
import { buildMinutesDocument } from './minutes-document.ts'
import { buildMyPlanDocument } from './my-plan-document.ts'
import { toWinAnsi } from './pdf-writer.ts'
import { buildPlanDocument } from './plan-document.ts'

const child = { id: CHILD_ID, name: 'Amy Jones', caseNumber: '123456', dateOfBirthOn: d('2019-05-04') }

function tables(model: DocumentModel): Extract<Block, { kind: 'table' }>[] {
  return model.blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table')
}

function headings(model: DocumentModel): string[] {
  return model.blocks.flatMap(block => (block.kind === 'heading' ? [block.text] : []))
}

describe('the printed permanence plan (issue 4: readable by the adult the child becomes)', () => {
  const model = buildPlanDocument({
    authorityName: 'Dorset Council',
    generatedOn: d('2026-01-21'),
    child,
    plan: planIn('ratified'),
    vocabulary: 'dorset',
  })

  it('is headed with the authority, the child and the case number', () => {
    expect(model).toMatchObject({
      authorityName: 'Dorset Council',
      subjectLine: 'Amy Jones (case 123456)',
      generatedOn: '2026-01-21',
    })
  })

  it('has a heading for each section of the Dorset guidance and the Tameside template', () => {
    expect(headings(model)).toEqual(
      expect.arrayContaining([
        'The plan in brief',
        'Decisions about this plan, and why',
        'Why this plan is being made',
        'Legal context',
        'The child’s needs',
        'Communication',
        'Education',
        'Health',
        'Emotional needs and attachment',
        'Keeping in touch with family and friends',
        'People who are important to the child',
        'Strengths',
        'What stands in the way of permanence',
        'Views',
        'Options for permanence, weighed side by side',
        'Assessments',
        'Sharing the decision with the child',
        'Words used in this document',
      ]),
    )
  })

  it('weighs the options side by side, in the authority’s words, three to a table', () => {
    const sheets = tables(model).filter(table => table.firstColumnIsLabel === true)
    expect(sheets.map(sheet => sheet.headers)).toEqual([
      [
        '',
        'Special Guardianship: Special guardianship with Margaret Jones',
        'Reunification',
        'Staying Put/Long-Term Fostering',
      ],
      ['', 'Adoption/Early Permanence'],
    ])
    expect(sheets[0]!.rows.map(row => row[0])).toEqual([
      'Status',
      'Strengths',
      'Risks',
      'What it would mean for Amy',
      'Parents’ views',
      'Assessments',
      'Why ruled out, or how we know it is viable',
    ])
    expect(sheets[1]!.rows.at(-1)![1]).toContain('Amy has strong family ties')
  })

  it('keeps the reasons for each decision, with who made it', () => {
    const decisions = tables(model).find(table => table.headers.join() === 'Date,Decision,By,Reasons')!
    expect(decisions.rows).toContainEqual([
      '20 January 2026',
      'Plan ratified by the IRO at a child in care review.',
      'Imran Rahman, independent reviewing officer (IRO)',
      'Plan meets Amy’s needs.',
    ])
  })

  it('explains the abbreviations it uses, and only those', () => {
    const glossary = model.blocks.at(-2)
    expect(glossary?.kind).toBe('fields')
    const terms = glossary?.kind === 'fields' ? glossary.rows.map(row => row.label) : []
    expect(terms).toEqual(
      expect.arrayContaining(['IRO (independent reviewing officer)', 'Contingency plan', 'Parental responsibility']),
    )
    expect(terms).not.toContain('CAO (child arrangements order)')
  })
})

describe('the minutes of a sibling-group meeting', () => {
  const record = meeting(
    'ppm-1',
    'permanence-planning-meeting',
    {
      heldOn: d('2026-01-05'),
      childIds: [CHILD_ID, SIBLING_ID],
      invitees: [
        InviteeSchema.parse({
          id: 'm',
          name: 'Kelly Jones',
          role: 'parent',
          holdsParentalResponsibility: true,
          attendance: 'not-invited',
          notInvitedReason: 'Risk to the carers',
          tellHow: 'Home visit',
          tellByOn: d('2026-01-09'),
        }),
      ],
      childOutcomes: [
        { childId: CHILD_ID, outcome: 'SGO plan endorsed.', planId: null, planVersion: 1, participation: null },
        {
          childId: SIBLING_ID,
          outcome: 'Long-term fostering endorsed.',
          planId: null,
          planVersion: null,
          participation: null,
        },
      ],
      decisions: [
        {
          id: 'x',
          childId: SIBLING_ID,
          decision: 'Plan differs from Amy’s',
          reasons: 'Ben wants to stay with his carers.',
        },
      ],
      actions: [
        MeetingActionSchema.parse({
          id: 'a',
          childId: SIBLING_ID,
          description: 'Together or apart assessment',
          owner: 'Sam Patel',
          dueOn: d('2026-02-01'),
        }),
      ],
      minutes: 'Discussed.',
      nextMeetingOn: d('2026-04-05'),
    },
    'closed',
  )
  const model = buildMinutesDocument({
    authorityName: 'Tameside Council',
    generatedOn: d('2026-01-21'),
    meeting: record,
    children: [child, { id: SIBLING_ID, name: 'Ben Jones', caseNumber: '123457' }],
  })

  it('has an outcome for each child, and the decisions with their reasons under the right child', () => {
    expect(headings(model)).toEqual(
      expect.arrayContaining(['Outcome for Amy Jones', 'Outcome for Ben Jones', 'Decisions and the reasons for them']),
    )
    expect(tables(model).find(table => table.headers.join() === 'Decision,Reasons')?.rows).toEqual([
      ['Plan differs from Amy’s', 'Ben wants to stay with his carers.'],
    ])
  })

  it('records why a parent was not invited and how they will be told ([DOR] Golden Rules)', () => {
    const attendance = tables(model).find(table => table.headers[2] === 'Attendance')!
    expect(attendance.rows[0]![3]).toBe(
      'Not invited because: Risk to the carers. To be told by home visit, by 9 January 2026.',
    )
  })

  it('lists actions with who and by when, and the next meeting', () => {
    expect(tables(model).find(table => table.headers[0] === 'Action')?.rows).toEqual([
      ['Together or apart assessment', 'Ben Jones', 'Sam Patel', '1 February 2026', 'Open'],
    ])
    expect(model.blocks).toContainEqual({
      kind: 'paragraph',
      text: 'The next meeting is on 5 April 2026.',
      emphasis: 'none',
    })
  })

  it('is headed with every child in the meeting', () => {
    expect(model.subjectLine).toBe('Amy Jones (case 123456); Ben Jones (case 123457)')
  })
})

describe('"My plan" document', () => {
  it('prints the social worker’s edited sections in large type, with no glossary', () => {
    const edited = { sections: [{ heading: 'Where you will live', text: 'You will live with Nanna.\nShe loves you.' }] }
    const model = buildMyPlanDocument({
      authorityName: 'Devon County Council',
      generatedOn: d('2026-01-21'),
      child,
      myPlan: edited,
    })
    expect(model.readerIsChild).toBe(true)
    expect(model.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'My plan: Amy' },
      { kind: 'heading', level: 2, text: 'Where you will live' },
      { kind: 'paragraph', text: 'You will live with Nanna.', emphasis: 'none' },
      { kind: 'paragraph', text: 'She loves you.', emphasis: 'none' },
    ])
  })

  it('can print the composed draft directly', () => {
    const model = buildMyPlanDocument({
      authorityName: 'Devon County Council',
      generatedOn: d('2026-01-21'),
      child,
      myPlan: composeMyPlan(planIn('ratified'), { givenNames: 'Amy', preferredName: null }),
    })
    expect(headings(model)).toContain('What you told us')
  })
})

describe('glossary and PDF text', () => {
  it('finds the entries whose terms appear', () => {
    expect(glossaryFor('The SGO was agreed at the PPM.').map(entry => entry.term)).toEqual([
      'PPM (permanence planning meeting)',
      'SGO (special guardianship order)',
    ])
  })

  it.each([
    ['keeps Windows-1252 characters', 'Zoë £2,000 “quoted” – ok', 'Zoë £2,000 “quoted” – ok'],
    ['strips accents the standard fonts lack', 'Łukasz Wiśniewski', 'Lukasz Wisniewski'],
    ['replaces what it cannot show', 'Amy 🙂 李', 'Amy ? ?'],
    ['normalises line endings and tabs', 'a\r\nb\tc', 'a\nb c'],
  ])('%s', (_name, input, expected) => {
    expect(toWinAnsi(input)).toBe(expected)
  })
})
