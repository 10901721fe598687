/**
 * The content of a child's "My plan": the social worker's edited copy of the composed draft
 * (domain/plans/compose-my-plan.ts), in large, plain type with a heading per section and no glossary (it uses no
 * jargon).
 */
import type { MyPlan } from '../../domain/plans/compose-my-plan.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { heading, paragraph, type Block, type DocumentModel } from './document-model.ts'
import type { DocumentChild } from './plan-document.ts'

export interface MyPlanDocumentData {
  readonly authorityName: string
  readonly generatedOn: CalendarDay
  readonly child: DocumentChild
  /** The social worker's edited copy, not the raw composed draft. */
  readonly myPlan: MyPlan
}

/**
 * Builds "My plan".
 * @param data - the authority, the child and the edited sections
 * @returns the document, ready for the PDF or DOCX writer
 */
export function buildMyPlanDocument(data: MyPlanDocumentData): DocumentModel {
  const firstName = data.child.name.trim().split(/\s+/)[0] ?? data.child.name
  const blocks: Block[] = [heading(1, `My plan: ${firstName}`)]
  for (const section of data.myPlan.sections) {
    blocks.push(heading(2, section.heading))
    for (const line of section.text.split('\n').filter(part => part.trim() !== '')) {
      blocks.push(paragraph(line.trim()))
    }
  }
  return {
    title: 'My plan',
    authorityName: data.authorityName,
    subjectLine: `${data.child.name} (case ${data.child.caseNumber})`,
    generatedOn: data.generatedOn,
    readerIsChild: true,
    blocks,
  }
}
