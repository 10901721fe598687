/**
 * What the learning brief pages (and the authority dashboard's section) print: the opening paragraph, the charts as
 * SVG with their tables, each domain's sentence, the themes, and the download links.
 */
import type { LearningBriefView } from '../../app/audits/view-learning-brief.ts'
import { AUDIT_DOMAIN_LABELS, AUDIT_GRADE_LABELS, AUDIT_GRADES } from '../../domain/audits/audit-domains.ts'
import { domainSentence, openingParagraph, type Theme } from '../../domain/audits/learning-brief.ts'
import { auditPaths } from './audit-paths.ts'
import { goodOrBetterChart, gradesChart } from './learning-brief-chart.ts'
import { cachedCharts } from '../charts/svg-chart.ts'

function themes(list: readonly Theme[]) {
  return list.map(t => ({
    domain: AUDIT_DOMAIN_LABELS[t.domain],
    phrase: t.phrase,
    audits: t.audits,
    example: t.example,
  }))
}

/**
 * The learning brief for a page.
 * @param view - the brief
 * @returns the template values
 */
export function learningBriefViewModel(view: LearningBriefView) {
  const { brief, round } = view
  const hasPrevious = view.previousRound !== null
  return {
    round: { id: round.id, title: round.title, theme: round.theme, status: round.status, closedOn: round.closedOn },
    previousRound: view.previousRound ? { title: view.previousRound.title } : null,
    isDraft: view.isDraft,
    opening: openingParagraph(brief, round.theme),
    figures: {
      casesInSample: brief.casesInSample,
      casesAudited: brief.casesAudited,
      casesModerated: brief.casesModerated,
      casesChosenForModeration: brief.casesChosenForModeration,
      moderationPercent: brief.moderationPercent,
      gradesModerated: brief.gradesModerated,
      gradesChanged: brief.gradesChanged,
    },
    // Drawn once for the same figures (the authority dashboard shows the latest brief on every view).
    ...cachedCharts(`learning-brief ${JSON.stringify([brief.domains, hasPrevious])}`, () => ({
      goodChart: goodOrBetterChart(brief, hasPrevious),
      gradesChart: gradesChart(brief),
    })),
    hasPrevious,
    domains: brief.domains.map(d => ({
      label: d.label,
      sentence: domainSentence(d),
      percentGood: d.percentGood,
      previousPercentGood: d.previousPercentGood,
      change: d.change,
      graded: d.graded,
      counts: AUDIT_GRADES.map(g => d.counts[g]),
    })),
    gradeLabels: AUDIT_GRADES.map(g => AUDIT_GRADE_LABELS[g]),
    strongest: brief.strongest.map(d => AUDIT_DOMAIN_LABELS[d]),
    weakest: brief.weakest.map(d => AUDIT_DOMAIN_LABELS[d]),
    strengthThemes: themes(brief.strengthThemes),
    improvementThemes: themes(brief.improvementThemes),
    pdfHref: auditPaths.briefDocument(round.id, 'pdf'),
    docxHref: auditPaths.briefDocument(round.id, 'docx'),
    href: auditPaths.brief(round.id),
  }
}
