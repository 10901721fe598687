/**
 * Renders each document and reads its text back: PDFs with poppler's pdftotext (installed here and in CI), DOCX by
 * unzipping word/document.xml with JSZip (a dependency of docx). Asserts the content a reader needs is really there.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { InviteeSchema, MeetingActionSchema } from '../../domain/meetings/meeting-schemas.ts'
import { composeMyPlan } from '../../domain/plans/compose-my-plan.ts'
import { CHILD_ID, SIBLING_ID, d, meeting, planIn } from '../../domain/plans/testing/fixtures.ts'
import type { MinutesDocumentData } from './minutes-document.ts'
import type { MyPlanDocumentData } from './my-plan-document.ts'
import type { PlanDocumentData } from './plan-document.ts'
import { renderMinutesDocx } from './render-minutes-docx.ts'
import { renderMinutesPdf } from './render-minutes-pdf.ts'
import { renderMyPlanDocx } from './render-my-plan-docx.ts'
import { renderMyPlanPdf } from './render-my-plan-pdf.ts'
import { renderPlanDocx } from './render-plan-docx.ts'
import { renderPlanPdf } from './render-plan-pdf.ts'

const folder = mkdtempSync(join(tmpdir(), 'permanence-documents-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

let fileNumber = 0
function pdfFile(pdf: Buffer): string {
  fileNumber += 1
  const path = join(folder, `document-${fileNumber}.pdf`)
  writeFileSync(path, pdf)
  return path
}

/**
 * The PDF's text read twice, whitespace collapsed: in reading order (a wrapped table cell reads as one phrase) and in
 * physical layout (a label and its value read as one line). A phrase is "in the PDF" when either reading has it.
 */
function pdfText(pdf: Buffer): { includes: (phrase: string) => boolean; raw: string } {
  const path = pdfFile(pdf)
  const read = (args: string[]): string =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  const raw = read([])
  const layout = read(['-layout'])
  return { includes: phrase => raw.includes(phrase) || layout.includes(phrase), raw }
}

function expectPdfToSay(text: ReturnType<typeof pdfText>, phrases: readonly string[]): void {
  const missing = phrases.filter(phrase => !text.includes(phrase))
  expect(missing).toEqual([])
}

function pdfInfo(pdf: Buffer): string {
  return execFileSync('pdfinfo', [pdfFile(pdf)], { encoding: 'utf8' })
}

/** The text of a part of the DOCX (paragraph runs joined, paragraphs separated by spaces). */
async function docxText(docx: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(docx)
  const xml = (await zip.file(part)?.async('string')) ?? ''
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ')
}

async function docxXml(docx: Buffer, part: string): Promise<string> {
  return (await (await JSZip.loadAsync(docx)).file(part)?.async('string')) ?? ''
}

const child = { id: CHILD_ID, name: 'Amy Jones', caseNumber: '123456', dateOfBirthOn: d('2019-05-04') }

const PLAN: PlanDocumentData = {
  authorityName: 'Dorset Council',
  generatedOn: d('2026-01-21'),
  child,
  plan: planIn('ratified'),
  vocabulary: 'dorset',
  actions: [
    {
      description: 'Book the special guardianship assessment panel',
      owner: 'Sam Patel',
      dueOn: d('2026-02-01'),
      status: 'Open',
    },
  ],
}

/** What the printed plan must say, in either format. */
const PLAN_PHRASES = [
  'Dorset Council',
  'Amy Jones (case 123456)',
  'Permanence plan for Amy Jones',
  'Document made on 21 January 2026',
  'Primary plan Special Guardianship: Special guardianship with Margaret Jones',
  'Twin tracking: the primary plan and one other plan are being worked on at the same time.',
  'Decisions about this plan, and why',
  'Plan ratified by the IRO at a child in care review.',
  'Plan meets Amy’s needs.',
  'Options for permanence, weighed side by side',
  'Staying Put/Long-Term Fostering',
  'Adoption/Early Permanence',
  'Ruled out on 1 December 2025: Amy has strong family ties and a relative able to care; adoption is not needed.',
  'Current carers assessed and willing to care long term (December 2025).',
  'I want to live with Nanna and see Mummy.',
  'Book the special guardianship assessment panel',
  'Words used in this document',
  'A social worker who is independent of the child’s social work team.',
]

describe('the permanence plan, read back from the files', () => {
  it('PDF: every section, the balance sheet, decisions with reasons, actions and the glossary', async () => {
    const pdf = await renderPlanPdf(PLAN)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(pdf)
    expectPdfToSay(text, PLAN_PHRASES)
    expect(text.raw).toMatch(/Page 1 of \d+/)
  })

  it('PDF: the file is titled and authored for its reader', async () => {
    const info = pdfInfo(await renderPlanPdf(PLAN))
    expect(info).toMatch(/Title:\s+Permanence plan: Amy Jones \(case 123456\)/)
    expect(info).toMatch(/Author:\s+Dorset Council/)
  })

  it('DOCX: the same content, with real heading styles and the authority and child in the page header', async () => {
    const docx = await renderPlanDocx(PLAN)
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK')
    const text = await docxText(docx)
    for (const phrase of PLAN_PHRASES.filter(
      phrase => phrase !== 'Dorset Council' && phrase !== 'Amy Jones (case 123456)',
    )) {
      expect(text).toContain(phrase)
    }
    const xml = await docxXml(docx, 'word/document.xml')
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
    expect(xml).toContain('<w:tblHeader/>')
    const header = await docxText(docx, 'word/header1.xml')
    expect(header).toContain('Dorset Council')
    expect(header).toContain('Amy Jones (case 123456)')
  })
})

const MINUTES: MinutesDocumentData = {
  authorityName: 'Tameside Council',
  generatedOn: d('2026-01-21'),
  children: [child, { id: SIBLING_ID, name: 'Ben Jones', caseNumber: '123457' }],
  meeting: meeting(
    'ppm-1',
    'permanence-planning-meeting',
    {
      heldOn: d('2026-01-05'),
      childIds: [CHILD_ID, SIBLING_ID],
      purpose: 'Review the plans for Amy and Ben.',
      invitees: [
        InviteeSchema.parse({ id: 'i', name: 'Imran Rahman', role: 'iro', attendance: 'attended' }),
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
        {
          childId: CHILD_ID,
          outcome: 'Special guardianship plan endorsed.',
          planId: null,
          planVersion: 1,
          participation: null,
        },
        {
          childId: SIBLING_ID,
          outcome: 'Long-term fostering plan endorsed.',
          planId: null,
          planVersion: null,
          participation: null,
        },
      ],
      decisions: [
        {
          id: 'x',
          childId: SIBLING_ID,
          decision: 'Ben’s plan differs from Amy’s',
          reasons: 'Ben (15) wants to stay with his carers.',
        },
      ],
      actions: [
        MeetingActionSchema.parse({
          id: 'a',
          description: 'Together or apart assessment',
          owner: 'Sam Patel',
          dueOn: d('2026-02-01'),
        }),
      ],
      minutes: 'Both plans were discussed with the IRO.',
      nextMeetingOn: d('2026-04-05'),
    },
    'closed',
  ),
}

const MINUTES_PHRASES = [
  'Permanence planning meeting (PPM): minutes',
  'Date of meeting 5 January 2026',
  'Outcome for Amy Jones',
  'Special guardianship plan endorsed.',
  'Outcome for Ben Jones',
  'Ben’s plan differs from Amy’s',
  'Ben (15) wants to stay with his carers.',
  'Not invited because: Risk to the carers.',
  'Together or apart assessment',
  '1 February 2026',
  'The next meeting is on 5 April 2026.',
  'Words used in this document',
]

describe('meeting minutes, read back from the files', () => {
  it('PDF', async () => {
    const text = pdfText(await renderMinutesPdf(MINUTES))
    expectPdfToSay(text, [...MINUTES_PHRASES, 'Tameside Council', 'Amy Jones (case 123456); Ben Jones (case 123457)'])
  })

  it('DOCX', async () => {
    const docx = await renderMinutesDocx(MINUTES)
    const text = await docxText(docx)
    for (const phrase of MINUTES_PHRASES) {
      expect(text).toContain(phrase)
    }
    expect(await docxText(docx, 'word/header1.xml')).toContain('Tameside Council')
  })
})

describe('"My plan", read back from the files', () => {
  const data: MyPlanDocumentData = {
    authorityName: 'Devon County Council',
    generatedOn: d('2026-01-21'),
    child: { id: CHILD_ID, name: 'Łucja Nowak', caseNumber: '998877' },
    myPlan: composeMyPlan(planIn('ratified'), { givenNames: 'Łucja', preferredName: null }),
  }

  it('PDF: plain-words sections (the name transliterated for the standard fonts)', async () => {
    const text = pdfText(await renderMyPlanPdf(data))
    expectPdfToSay(text, [
      'My plan: Lucja',
      'This is your plan, Lucja.',
      'The plan is for Margaret Jones to look after you until you are grown up.',
      'Devon County Council',
    ])
  })

  it('DOCX: the same sections, with every character of the child’s name kept', async () => {
    const text = await docxText(await renderMyPlanDocx(data))
    expect(text).toContain('My plan: Łucja')
    expect(text).toContain('This is your plan, Łucja.')
    expect(text).toContain(
      'Your independent reviewing officer is the person who checks that your plan is right for you.',
    )
  })
})
