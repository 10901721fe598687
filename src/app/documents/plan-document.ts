/**
 * The content of a printed permanence plan, built from the plan version and the child's details. Headings follow the
 * Dorset guidance and the Tameside Appendix 5 template; the options are a balance sheet (options side by side, three
 * to a table so it fits a portrait page); decisions keep their reasons; a glossary explains the words used.
 */
import { ACTOR_ROLES, type Actor } from '../../domain/plans/decision-event.ts'
import { optionLabel, type VocabularyName } from '../../domain/plans/option-vocabularies.ts'
import {
  ASSESSMENT_KINDS,
  ASSESSMENT_OUTCOMES,
  CHILD_VIEWS_METHODS,
  CONSIDERATION_OUTCOMES,
  KEY_DATE_KINDS,
  OPTION_STATUSES,
  OPTION_TYPES,
  VIEW_HOLDER_ROLES,
} from '../../domain/plans/permanence-options.ts'
import { PLAN_STATUSES, type PermanencePlan } from '../../domain/plans/permanence-plan.ts'
import { contingencies, parallelTracks, primaryOption, trackingKind } from '../../domain/plans/plan-queries.ts'
import type { PermanenceOption, PlanContent } from '../../domain/plans/plan-schemas.ts'
import { formatCalendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import {
  dateOrNotRecorded,
  heading,
  orNotRecorded,
  paragraph,
  section,
  type Block,
  type DocumentModel,
} from './document-model.ts'
import { glossaryBlocks } from './glossary.ts'

/** Who the document is about, as the header shows them. */
export interface DocumentChild {
  readonly id: string
  readonly name: string
  readonly caseNumber: string
  readonly dateOfBirthOn?: CalendarDay | null
}

/** An action to print with the plan (e.g. the open actions from the latest PPM). */
export interface DocumentAction {
  readonly description: string
  readonly owner: string
  readonly dueOn: CalendarDay | null
  readonly status: string
}

export interface PlanDocumentData {
  readonly authorityName: string
  readonly generatedOn: CalendarDay
  readonly child: DocumentChild
  readonly plan: PermanencePlan
  /** Which authority's words to use for the options. */
  readonly vocabulary: VocabularyName
  /** Names of the brothers and sisters whose plans this plan refers to, by child id. */
  readonly siblingNames?: Readonly<Record<string, string>>
  readonly actions?: readonly DocumentAction[]
}

const TRACKING_WORDS = {
  none: 'No primary plan has been chosen yet.',
  single: 'One plan is being worked on.',
  twin: 'Twin tracking: the primary plan and one other plan are being worked on at the same time.',
  triple: 'Triple tracking: the primary plan and two other plans are being worked on at the same time.',
  'more-than-triple': 'More than three plans are being worked on at the same time.',
} as const

/**
 * Who acted, as "Tess Morgan, team manager".
 * @param actor - the person
 * @returns the words
 */
function who(actor: Actor): string {
  const role = ACTOR_ROLES[actor.role]
  return `${actor.name}, ${role.charAt(0).toLowerCase()}${role.slice(1)}`
}

function optionName(vocabulary: VocabularyName, option: PermanenceOption): string {
  const label = optionLabel(vocabulary, option.type)
  return option.description.trim() === '' ? label : `${label}: ${option.description.trim()}`
}

function planInBrief(data: PlanDocumentData): Block[] {
  const content = data.plan.content
  const primary = primaryOption(content)
  const tracks = parallelTracks(content)
  const fallbacks = contingencies(content)
  const rows = [
    { label: 'Primary plan', value: primary === undefined ? 'Not chosen yet' : optionName(data.vocabulary, primary) },
    {
      label: 'Worked on at the same time',
      value: tracks.length === 0 ? 'None' : tracks.map(track => optionName(data.vocabulary, track)).join('; '),
    },
    {
      label: 'Contingency plan',
      value:
        fallbacks.length === 0
          ? 'None recorded'
          : fallbacks.map(track => optionName(data.vocabulary, track)).join('; '),
    },
    {
      label: 'Permanence expected by',
      value:
        content.anticipatedTimescale.permanenceByOn === null
          ? orNotRecorded(content.anticipatedTimescale.explanation)
          : `${formatCalendarDay(content.anticipatedTimescale.permanenceByOn)}${content.anticipatedTimescale.explanation.trim() === '' ? '' : `. ${content.anticipatedTimescale.explanation.trim()}`}`,
    },
  ]
  if (data.plan.permanenceAchieved !== null) {
    rows.push({
      label: 'Permanence achieved',
      value: `${formatCalendarDay(data.plan.permanenceAchieved.on)} through ${OPTION_TYPES[data.plan.permanenceAchieved.route].label.toLowerCase()}`,
    })
  }
  return [heading(2, 'The plan in brief'), { kind: 'fields', rows }, paragraph(TRACKING_WORDS[trackingKind(content)])]
}

function decisions(plan: PermanencePlan): Block[] {
  const rows: string[][] = []
  if (plan.submission !== null) {
    const late =
      plan.submission.isLate === true
        ? ` This was ${plan.submission.daysLate ?? 0} day(s) later than the authority asks.`
        : ''
    rows.push([
      formatCalendarDay(plan.submission.sentOn),
      `Plan sent to the team manager for the permanence planning meeting on ${formatCalendarDay(plan.submission.ppmOn)}.${late}`,
      who(plan.submission.sentBy),
      '',
    ])
  }
  if (plan.consideredAtPpm !== null) {
    rows.push([
      formatCalendarDay(plan.consideredAtPpm.heldOn),
      'Plan considered at the permanence planning meeting.',
      who(plan.consideredAtPpm.recordedBy),
      '',
    ])
  }
  const change = plan.optionChange
  if (change?.consideredAtReview) {
    rows.push([
      formatCalendarDay(change.consideredAtReview.on),
      `Change of plan from ${change.fromType === null ? 'no primary plan' : OPTION_TYPES[change.fromType].label.toLowerCase()} to ${OPTION_TYPES[change.toType].label.toLowerCase()} considered at a child in care review.`,
      who(change.consideredAtReview.by),
      change.consideredAtReview.reasons,
    ])
  }
  if (change?.notReasonablyPracticable) {
    rows.push([
      formatCalendarDay(change.notReasonablyPracticable.on),
      'It was not reasonably practicable to consider the change of plan at a child in care review first.',
      who(change.notReasonablyPracticable.by),
      change.notReasonablyPracticable.reasons,
    ])
  }
  if (plan.endorsement !== null) {
    rows.push([
      formatCalendarDay(plan.endorsement.on),
      'Plan endorsed by the team manager.',
      who(plan.endorsement.by),
      plan.endorsement.reasons,
    ])
  }
  if (plan.ratification !== null) {
    rows.push([
      formatCalendarDay(plan.ratification.on),
      'Plan ratified by the IRO at a child in care review.',
      who(plan.ratification.by),
      plan.ratification.reasons,
    ])
  }
  if (plan.permanenceAchieved !== null) {
    rows.push([
      formatCalendarDay(plan.permanenceAchieved.on),
      `Permanence achieved through ${OPTION_TYPES[plan.permanenceAchieved.route].label.toLowerCase()}.`,
      who(plan.permanenceAchieved.recordedBy),
      plan.permanenceAchieved.reasons,
    ])
  }
  if (plan.supersession !== null) {
    rows.push([
      formatCalendarDay(plan.supersession.on),
      `Replaced by version ${plan.supersession.byVersion} of the plan.`,
      '',
      '',
    ])
  }
  return [
    heading(2, 'Decisions about this plan, and why'),
    rows.length === 0
      ? paragraph('No decisions have been made about this version of the plan yet.')
      : { kind: 'table', headers: ['Date', 'Decision', 'By', 'Reasons'], rows, widths: [2, 4, 3, 5] },
  ]
}

function balanceSheet(data: PlanDocumentData, childName: string): Block[] {
  const content = data.plan.content
  const blocks: Block[] = [
    heading(2, 'Options for permanence, weighed side by side'),
    paragraph(
      'Each option that was considered is set out with its strengths, its risks and what it would mean for the child, including the options that were ruled out and why.',
      'quiet',
    ),
  ]
  if (content.options.length === 0) {
    return [...blocks, paragraph('No options have been recorded yet.')]
  }
  const assessmentName = (id: string): string => {
    const found = content.assessments.find(assessment => assessment.id === id)
    return found === undefined
      ? id
      : `${ASSESSMENT_KINDS[found.kind]}${found.subject.trim() === '' ? '' : ` (${found.subject.trim()})`}: ${ASSESSMENT_OUTCOMES[found.outcome].toLowerCase()}`
  }
  for (let start = 0; start < content.options.length; start += 3) {
    const group = content.options.slice(start, start + 3)
    const cell = (pick: (option: PermanenceOption) => string): string[] =>
      group.map(option => orNotRecorded(pick(option)))
    const rows: string[][] = [
      ['Status', ...group.map(option => `${option.isPrimary ? 'Primary plan' : OPTION_STATUSES[option.status]}`)],
      ['Strengths', ...cell(option => option.strengths)],
      ['Risks', ...cell(option => option.risks)],
      [`What it would mean for ${childName}`, ...cell(option => option.meaningForChild)],
      ['Parents’ views', ...cell(option => option.parentViews)],
      ['Assessments', ...cell(option => option.assessmentIds.map(assessmentName).join('; '))],
      [
        'Why ruled out, or how we know it is viable',
        ...group.map(option =>
          option.status === 'ruled-out'
            ? `Ruled out on ${dateOrNotRecorded(option.ruledOutOn)}: ${orNotRecorded(option.ruledOutReason)}`
            : option.status === 'contingency'
              ? `${orNotRecorded(option.viabilityEvidence)}${option.reasonNotPrimary.trim() === '' ? '' : ` Why it is not the plan: ${option.reasonNotPrimary.trim()}`}`
              : '—',
        ),
      ],
    ]
    blocks.push({
      kind: 'table',
      headers: ['', ...group.map(option => optionName(data.vocabulary, option))],
      rows,
      widths: [2, ...group.map(() => 3)],
      firstColumnIsLabel: true,
    })
  }
  return blocks
}

function needs(content: PlanContent): Block[] {
  return [
    heading(2, 'The child’s needs'),
    ...section('Communication', content.communicationNeeds.summary, 3),
    {
      kind: 'fields',
      rows: [
        { label: 'First language', value: orNotRecorded(content.communicationNeeds.firstLanguage) },
        {
          label: 'Needs an interpreter',
          value:
            content.communicationNeeds.needsInterpreter === null
              ? 'Not recorded'
              : content.communicationNeeds.needsInterpreter
                ? 'Yes'
                : 'No',
        },
        { label: 'Tools and support', value: orNotRecorded(content.communicationNeeds.toolsAndSupport) },
      ],
    },
    ...section('Where the child lives (placement needs)', content.placementNeeds, 3),
    ...section('Education', content.educationNeeds, 3),
    ...section('Health', content.healthNeeds, 3),
    ...section('Emotional needs and attachment', content.emotionalNeeds, 3),
  ]
}

function people(content: PlanContent): Block[] {
  const blocks: Block[] = [heading(2, 'People who are important to the child')]
  if (content.importantPeople.length === 0) {
    return [...blocks, paragraph('No one has been recorded yet.')]
  }
  const considered = (outcome: keyof typeof CONSIDERATION_OUTCOMES, notes: string): string =>
    `${CONSIDERATION_OUTCOMES[outcome]}${notes.trim() === '' ? '' : `. ${notes.trim()}`}`
  return [
    ...blocks,
    {
      kind: 'table',
      headers: [
        'Name',
        'Relationship',
        'Could they care for the child?',
        'Could they support the child?',
        'Keeping the relationship going',
      ],
      rows: content.importantPeople.map(person => [
        `${person.name}${person.holdsParentalResponsibility ? ' (has parental responsibility)' : ''}`,
        orNotRecorded(person.relationshipToChild),
        considered(person.asCarer.outcome, person.asCarer.notes),
        considered(person.asSupport.outcome, person.asSupport.notes),
        orNotRecorded(person.arrangementsToPromoteRelationship),
      ]),
      widths: [3, 2, 3, 3, 4],
    },
  ]
}

function views(content: PlanContent): Block[] {
  const child = content.views.child
  const childRows = [
    {
      label: 'What the child said',
      value: child.views.trim() === '' ? orNotRecorded(child.notCapturedReason) : child.views.trim(),
    },
    {
      label: 'How their views were gathered',
      value: `${child.method === null ? 'Not recorded' : CHILD_VIEWS_METHODS[child.method]}${child.methodDetails.trim() === '' ? '' : `. ${child.methodDetails.trim()}`}`,
    },
    {
      label: 'When and by whom',
      value: `${dateOrNotRecorded(child.capturedOn)}${child.capturedBy.trim() === '' ? '' : `, ${child.capturedBy.trim()}`}`,
    },
  ]
  const blocks: Block[] = [heading(2, 'Views'), heading(3, 'The child'), { kind: 'fields', rows: childRows }]
  if (content.views.others.length > 0) {
    blocks.push(heading(3, 'Parents, carers, the IRO and others'), {
      kind: 'table',
      headers: ['Who', 'Role', 'Their views', 'Date'],
      rows: content.views.others.map(other => [
        orNotRecorded(other.name),
        VIEW_HOLDER_ROLES[other.role],
        orNotRecorded(other.views),
        dateOrNotRecorded(other.capturedOn),
      ]),
      widths: [3, 3, 7, 2],
    })
  }
  return blocks
}

function assessments(content: PlanContent): Block[] {
  if (content.assessments.length === 0) {
    return []
  }
  return [
    heading(2, 'Assessments'),
    {
      kind: 'table',
      headers: ['Assessment', 'Of whom', 'Asked for', 'Due', 'Finished', 'Outcome', 'Summary'],
      rows: content.assessments.map(assessment => [
        ASSESSMENT_KINDS[assessment.kind],
        orNotRecorded(assessment.subject),
        dateOrNotRecorded(assessment.requestedOn),
        dateOrNotRecorded(assessment.dueOn),
        dateOrNotRecorded(assessment.completedOn),
        ASSESSMENT_OUTCOMES[assessment.outcome],
        orNotRecorded(assessment.summary),
      ]),
      widths: [3, 2, 2, 2, 2, 2, 4],
    },
  ]
}

function legal(content: PlanContent): Block[] {
  const blocks: Block[] = [
    ...section('Legal context', content.legalContext.summary),
    {
      kind: 'fields',
      rows: [{ label: 'Orders being sought', value: orNotRecorded(content.legalContext.ordersSought) }],
    },
  ]
  if (content.keyDates.length > 0) {
    blocks.push(heading(3, 'Key dates'), {
      kind: 'table',
      headers: ['Date', 'What', 'Details'],
      rows: [...content.keyDates]
        .sort((a, b) => a.on.localeCompare(b.on))
        .map(keyDate => [
          formatCalendarDay(keyDate.on),
          KEY_DATE_KINDS[keyDate.kind],
          orNotRecorded(keyDate.description),
        ]),
      widths: [2, 3, 6],
    })
  }
  return blocks
}

function siblings(data: PlanDocumentData): Block[] {
  const content = data.plan.content
  if (content.siblingPlans.length === 0 && content.siblingAssessmentSummary.trim() === '') {
    return []
  }
  const blocks: Block[] = [
    ...section('Brothers and sisters: what the sibling assessment tells us', content.siblingAssessmentSummary),
  ]
  if (content.siblingPlans.length > 0) {
    blocks.push({
      kind: 'table',
      headers: ['Brother or sister', 'Why their plan is different, if it is'],
      rows: content.siblingPlans.map(sibling => [
        data.siblingNames?.[sibling.childId] ?? 'Name not available',
        sibling.reasonPlansDiffer.trim() === '' ? 'Their plan is not different' : sibling.reasonPlansDiffer.trim(),
      ]),
      widths: [1, 2],
    })
  }
  return blocks
}

/**
 * Builds the printed permanence plan.
 * @param data - the authority, the child, the plan version and the words to use
 * @returns the document, ready for the PDF or DOCX writer
 */
export function buildPlanDocument(data: PlanDocumentData): DocumentModel {
  const { plan, child } = data
  const content = plan.content
  const firstName = child.name.trim().split(/\s+/)[0] ?? child.name
  const blocks: Block[] = [
    heading(1, `Permanence plan for ${child.name}`),
    {
      kind: 'fields',
      rows: [
        { label: 'Name', value: child.name },
        { label: 'Case number', value: child.caseNumber },
        ...(child.dateOfBirthOn ? [{ label: 'Date of birth', value: formatCalendarDay(child.dateOfBirthOn) }] : []),
        {
          label: 'Version',
          value: `${plan.version}${plan.changeReason === null ? '' : ` (why it changed: ${plan.changeReason})`}`,
        },
        { label: 'Stage', value: PLAN_STATUSES[plan.status] },
        { label: 'Document made on', value: formatCalendarDay(data.generatedOn) },
      ],
    },
    paragraph(
      `This plan says where ${firstName} will grow up and with whom, which other options were weighed, and why. ` +
        'Words and abbreviations are explained at the end.',
      'quiet',
    ),
    ...planInBrief(data),
    ...decisions(plan),
    ...section('Why this plan is being made', content.background),
    ...section('What we want for the child', content.intendedOutcomes),
    ...legal(content),
    ...needs(content),
    heading(2, 'Keeping in touch with family and friends'),
    {
      kind: 'fields',
      rows: [
        { label: 'What happens now', value: orNotRecorded(content.keepingInTouch.currentArrangements) },
        { label: 'How it is for the child', value: orNotRecorded(content.keepingInTouch.howItIsForTheChild) },
        { label: 'Changes planned', value: orNotRecorded(content.keepingInTouch.changesPlanned) },
      ],
    },
    ...people(content),
    ...section('Strengths', content.strengths),
    ...section('What stands in the way of permanence', content.barriers),
    ...views(content),
    ...balanceSheet(data, firstName),
    ...assessments(content),
    ...siblings(data),
    heading(2, 'Sharing the decision with the child'),
    {
      kind: 'fields',
      rows: [
        { label: 'How', value: orNotRecorded(content.decisionSharing.how) },
        { label: 'By whom', value: orNotRecorded(content.decisionSharing.byWhom) },
        { label: 'By when', value: dateOrNotRecorded(content.decisionSharing.byOn) },
      ],
    },
  ]
  if (data.actions !== undefined && data.actions.length > 0) {
    blocks.push(heading(2, 'Actions'), {
      kind: 'table',
      headers: ['Action', 'Who', 'By when', 'Status'],
      rows: data.actions.map(action => [
        action.description,
        action.owner,
        dateOrNotRecorded(action.dueOn),
        action.status,
      ]),
      widths: [6, 3, 2, 2],
    })
  }
  return {
    title: 'Permanence plan',
    authorityName: data.authorityName,
    subjectLine: `${child.name} (case ${child.caseNumber})`,
    generatedOn: data.generatedOn,
    readerIsChild: false,
    blocks: [...blocks, ...glossaryBlocks(blocks)],
  }
}
