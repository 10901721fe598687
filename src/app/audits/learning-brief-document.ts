/**
 * The learning brief as a document (PDF and DOCX from one model, docs/adr/0026), in the shape of the 2019 brief: an
 * opening paragraph on how many audits were done and moderated, then each domain with the share judged good or
 * better against the previous round, the strongest themes from the evidence and what would make practice better.
 */
import {
  AUDIT_DOMAIN_LABELS,
  AUDIT_DOMAIN_QUESTIONS,
  AUDIT_GRADE_LABELS,
  AUDIT_GRADES,
} from '../../domain/audits/audit-domains.ts'
import { domainSentence, openingParagraph, type Theme } from '../../domain/audits/learning-brief.ts'
import { formatCalendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { heading, paragraph, type Block, type DocumentModel } from '../documents/document-model.ts'
import type { LearningBriefView } from './view-learning-brief.ts'

function themeItems(themes: readonly Theme[]): string[] {
  return themes.map(
    t =>
      `${AUDIT_DOMAIN_LABELS[t.domain]}: “${t.phrase}” (in ${t.audits} audits)${t.example ? `. For example: “${t.example}”` : ''}`,
  )
}

/**
 * Builds the learning brief document.
 * @param view - the brief
 * @param authorityName - the authority, for the header
 * @param generatedOn - today
 * @returns the document model
 */
export function buildLearningBriefDocument(
  view: LearningBriefView,
  authorityName: string,
  generatedOn: CalendarDay,
): DocumentModel {
  const { brief, round } = view
  const blocks: Block[] = [
    heading(1, `Learning brief – ${round.theme} – ${round.title}`),
    paragraph(openingParagraph(brief, round.theme)),
  ]
  if (view.isDraft) {
    blocks.push(paragraph('Draft: the round is still open, so these figures will change.', 'quiet'))
  }
  blocks.push(heading(2, 'What the audits found, domain by domain'))
  for (const figures of brief.domains) {
    blocks.push(heading(3, figures.label))
    blocks.push(paragraph(AUDIT_DOMAIN_QUESTIONS[figures.domain], 'quiet'))
    blocks.push(paragraph(`(${domainSentence(figures)}.)`))
  }
  blocks.push(heading(2, 'Share judged good or better, by domain'))
  blocks.push({
    kind: 'table',
    headers: [
      'Domain',
      'This round',
      view.previousRound ? 'Previous round' : 'Previous round (none)',
      'Change',
      'Graded',
    ],
    rows: brief.domains.map(d => [
      d.label,
      d.percentGood === null ? '–' : `${d.percentGood}%`,
      d.previousPercentGood === null ? '–' : `${d.previousPercentGood}%`,
      d.change === null ? '–' : `${d.change > 0 ? '+' : ''}${d.change} points`,
      String(d.graded),
    ]),
    firstColumnIsLabel: true,
  })
  blocks.push(heading(2, 'Grades by domain'))
  blocks.push({
    kind: 'table',
    headers: ['Domain', ...AUDIT_GRADES.map(g => AUDIT_GRADE_LABELS[g])],
    rows: brief.domains.map(d => [d.label, ...AUDIT_GRADES.map(g => String(d.counts[g]))]),
    firstColumnIsLabel: true,
  })
  blocks.push(heading(2, 'Strongest themes from the evidence'))
  blocks.push(
    brief.strengthThemes.length > 0
      ? { kind: 'list', items: themeItems(brief.strengthThemes) }
      : paragraph('No phrase recurs across audits in the strongest domains yet.'),
  )
  blocks.push(heading(2, 'What would make practice better'))
  blocks.push(
    brief.improvementThemes.length > 0
      ? { kind: 'list', items: themeItems(brief.improvementThemes) }
      : paragraph('No phrase recurs across audits in the weakest domains yet.'),
  )
  blocks.push(heading(2, 'About these figures'))
  blocks.push(
    paragraph(
      `Figures are computed from the grades recorded in Permanence Planner: a domain counts as good or better when graded Good or Outstanding, using the moderator’s grade where moderation changed it. ${brief.casesModerated} of ${brief.casesAudited} audited cases were moderated (${brief.casesChosenForModeration} chosen). Round set up on ${formatCalendarDay(round.createdOn)}${round.closedOn ? `, closed on ${formatCalendarDay(round.closedOn)}` : ''}.`,
      'quiet',
    ),
  )
  return {
    title: 'Learning brief',
    authorityName,
    subjectLine: `${round.theme}: ${round.title}`,
    generatedOn,
    readerIsChild: false,
    blocks,
  }
}
