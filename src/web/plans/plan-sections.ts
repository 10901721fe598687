/**
 * The plan editor's sections (the GOV.UK "complete multiple tasks" pattern: one page per section), following the
 * Dorset guidance and the Tameside Appendix 5 template. Each section turns the stored content into the form's shape
 * (dates as day, month and year), reads a posted form back into a change of that section, and says whether it has
 * been started. Field names mirror the content's paths, so an error from the domain rules lands on its field.
 */
import { randomUUID } from 'node:crypto'
import {
  ASSESSMENT_KINDS,
  ASSESSMENT_OUTCOMES,
  CHILD_VIEWS_METHODS,
  CONSIDERATION_OUTCOMES,
  KEY_DATE_KINDS,
  OPTION_STATUSES,
  OPTION_TYPE_VALUES,
  VIEW_HOLDER_ROLES,
} from '../../domain/plans/permanence-options.ts'
import type { VocabularyName } from '../../domain/plans/option-vocabularies.ts'
import type { PlanContent } from '../../domain/plans/plan-schemas.ts'
import {
  type ErrorList,
  group,
  list,
  readDate,
  rows,
  text,
  toFormDate,
  type FormObject,
  type FormValue,
} from './form-data.ts'
import { optionName } from './plan.view-model.ts'

export type SectionId =
  | 'about'
  | 'communication'
  | 'legal'
  | 'needs'
  | 'keeping-in-touch'
  | 'people'
  | 'strengths-and-barriers'
  | 'views'
  | 'siblings'
  | 'assessments'
  | 'options'
  | 'timescale'

/** A brother or sister whose plan this plan can refer to. */
export interface SiblingChoice {
  readonly childId: string
  readonly name: string
  readonly planId: string | null
}

/** What a section needs besides the plan: the authority's words and the child's siblings. */
export interface SectionContext {
  readonly vocabulary: VocabularyName
  readonly siblings: readonly SiblingChoice[]
}

export interface SectionSpec {
  readonly id: SectionId
  readonly title: string
  /** What the section is for, from the guidance. */
  readonly hint: string
  /** The "add another" lists in the section, with the blank row each adds. */
  readonly lists?: Readonly<Record<string, () => FormObject>>
  toForm(content: PlanContent, context: SectionContext): FormObject
  /** The posted section as the plan's content shape, for the input schema to check. */
  read(form: FormObject, errors: ErrorList, context: SectionContext): Record<string, unknown>
  isStarted(content: PlanContent): boolean
}

const blankDate = (): FormObject => ({ day: '', month: '', year: '' })

function date(form: FormValue | undefined, id: string, label: string, errors: ErrorList): string | null {
  const reading = readDate(form, label)
  if (!reading.ok) {
    errors.add(`${id}-day`, reading.message)
    return null
  }
  return reading.value
}

function yesNo(value: boolean | null): string {
  return value === null ? '' : value ? 'yes' : 'no'
}

function fromYesNo(value: FormValue | undefined): boolean | null {
  const answer = text(value)
  return answer === 'yes' ? true : answer === 'no' ? false : null
}

function filled(...values: string[]): boolean {
  return values.some(value => value.trim() !== '')
}

const about: SectionSpec = {
  id: 'about',
  title: 'Why the plan is needed',
  hint: 'Background, risks and what we want for the child ([TAM] Appendix 5: “Why is this meeting being held?”).',
  toForm: content => ({ background: content.background, intendedOutcomes: content.intendedOutcomes }),
  read: form => ({ background: text(form.background), intendedOutcomes: text(form.intendedOutcomes) }),
  isStarted: content => filled(content.background, content.intendedOutcomes),
}

const communication: SectionSpec = {
  id: 'communication',
  title: 'Communication needs',
  hint: 'How to talk with the child so they understand: language, interpreter, tools ([DOR] Child’s details).',
  toForm: content => ({
    communicationNeeds: {
      summary: content.communicationNeeds.summary,
      firstLanguage: content.communicationNeeds.firstLanguage,
      needsInterpreter: yesNo(content.communicationNeeds.needsInterpreter),
      toolsAndSupport: content.communicationNeeds.toolsAndSupport,
    },
  }),
  read: form => {
    const fields = group(form.communicationNeeds)
    return {
      communicationNeeds: {
        summary: text(fields.summary),
        firstLanguage: text(fields.firstLanguage),
        needsInterpreter: fromYesNo(fields.needsInterpreter),
        toolsAndSupport: text(fields.toolsAndSupport),
      },
    }
  },
  isStarted: content => filled(content.communicationNeeds.summary, content.communicationNeeds.firstLanguage),
}

const legal: SectionSpec = {
  id: 'legal',
  title: 'Legal context and key dates',
  hint: 'Orders in place and sought, hearings and other key dates ([DOR] “capture all key dates”).',
  lists: { keyDates: () => ({ id: randomUUID(), kind: '', on: blankDate(), description: '' }) },
  toForm: content => ({
    legalContext: { summary: content.legalContext.summary, ordersSought: content.legalContext.ordersSought },
    keyDates: content.keyDates.map(keyDate => ({ ...keyDate, on: toFormDate(keyDate.on) })),
  }),
  read: (form, errors) => {
    const fields = group(form.legalContext)
    return {
      legalContext: { summary: text(fields.summary), ordersSought: text(fields.ordersSought) },
      keyDates: rows(form.keyDates).map((row, index) => ({
        id: text(row.id),
        kind: text(row.kind) || undefined,
        on: date(row.on, `keyDates-${index}-on`, 'the date', errors),
        description: text(row.description),
      })),
    }
  },
  isStarted: content => filled(content.legalContext.summary) || content.keyDates.length > 0,
}

const needs: SectionSpec = {
  id: 'needs',
  title: 'Placement, education, health and emotional needs',
  hint: 'What the child needs from where they live, their school, their health and their relationships.',
  toForm: content => ({
    placementNeeds: content.placementNeeds,
    educationNeeds: content.educationNeeds,
    healthNeeds: content.healthNeeds,
    emotionalNeeds: content.emotionalNeeds,
  }),
  read: form => ({
    placementNeeds: text(form.placementNeeds),
    educationNeeds: text(form.educationNeeds),
    healthNeeds: text(form.healthNeeds),
    emotionalNeeds: text(form.emotionalNeeds),
  }),
  isStarted: content =>
    filled(content.placementNeeds, content.educationNeeds, content.healthNeeds, content.emotionalNeeds),
}

const keepingInTouch: SectionSpec = {
  id: 'keeping-in-touch',
  title: 'Keeping in touch with family and friends',
  hint: '[DOR] “Need for Keeping in Touch with Family and Friends”.',
  toForm: content => ({ keepingInTouch: { ...content.keepingInTouch } }),
  read: form => {
    const fields = group(form.keepingInTouch)
    return {
      keepingInTouch: {
        currentArrangements: text(fields.currentArrangements),
        howItIsForTheChild: text(fields.howItIsForTheChild),
        changesPlanned: text(fields.changesPlanned),
      },
    }
  },
  isStarted: content => filled(content.keepingInTouch.currentArrangements, content.keepingInTouch.howItIsForTheChild),
}

const people: SectionSpec = {
  id: 'people',
  title: 'People important to the child',
  hint: 'Each person, and how they were considered to care for the child and to support them ([TAM] Appendix 5).',
  lists: {
    importantPeople: () => ({
      id: randomUUID(),
      personId: '',
      name: '',
      relationshipToChild: '',
      holdsParentalResponsibility: '',
      asCarer: { outcome: 'not-yet-considered', notes: '' },
      asSupport: { outcome: 'not-yet-considered', notes: '' },
      arrangementsToPromoteRelationship: '',
    }),
  },
  toForm: content => ({
    importantPeople: content.importantPeople.map(person => ({
      id: person.id,
      personId: person.personId ?? '',
      name: person.name,
      relationshipToChild: person.relationshipToChild,
      holdsParentalResponsibility: person.holdsParentalResponsibility ? 'yes' : '',
      asCarer: { ...person.asCarer },
      asSupport: { ...person.asSupport },
      arrangementsToPromoteRelationship: person.arrangementsToPromoteRelationship,
    })),
  }),
  read: form => ({
    importantPeople: rows(form.importantPeople).map(row => ({
      id: text(row.id),
      personId: text(row.personId) === '' ? null : text(row.personId),
      name: text(row.name),
      relationshipToChild: text(row.relationshipToChild),
      holdsParentalResponsibility: text(row.holdsParentalResponsibility) === 'yes',
      asCarer: { outcome: text(group(row.asCarer).outcome), notes: text(group(row.asCarer).notes) },
      asSupport: { outcome: text(group(row.asSupport).outcome), notes: text(group(row.asSupport).notes) },
      arrangementsToPromoteRelationship: text(row.arrangementsToPromoteRelationship),
    })),
  }),
  isStarted: content => content.importantPeople.length > 0,
}

const strengthsAndBarriers: SectionSpec = {
  id: 'strengths-and-barriers',
  title: 'Strengths and barriers',
  hint: 'What is working for the child, and what stands in the way of permanence ([TAM] Appendix 5).',
  toForm: content => ({ strengths: content.strengths, barriers: content.barriers }),
  read: form => ({ strengths: text(form.strengths), barriers: text(form.barriers) }),
  isStarted: content => filled(content.strengths, content.barriers),
}

const views: SectionSpec = {
  id: 'views',
  title: 'Views of the child, parents, carers and the IRO',
  hint: 'The child’s views and how they were gathered to suit their age; parents’, carers’ and the IRO’s views.',
  lists: {
    'views[others]': () => ({ id: randomUUID(), role: '', name: '', personId: '', views: '', capturedOn: blankDate() }),
  },
  toForm: content => ({
    views: {
      child: {
        ...content.views.child,
        method: content.views.child.method ?? '',
        capturedOn: toFormDate(content.views.child.capturedOn),
      },
      others: content.views.others.map(view => ({
        ...view,
        personId: view.personId ?? '',
        capturedOn: toFormDate(view.capturedOn),
      })),
    },
  }),
  read: (form, errors) => {
    const viewsForm = group(form.views)
    const child = group(viewsForm.child)
    return {
      views: {
        child: {
          views: text(child.views),
          method: text(child.method) === '' ? null : text(child.method),
          methodDetails: text(child.methodDetails),
          capturedOn: date(child.capturedOn, 'views-child-capturedOn', 'the date the views were gathered', errors),
          capturedBy: text(child.capturedBy),
          notCapturedReason: text(child.notCapturedReason),
        },
        others: rows(viewsForm.others).map((row, index) => ({
          id: text(row.id),
          role: text(row.role),
          name: text(row.name),
          personId: text(row.personId) === '' ? null : text(row.personId),
          views: text(row.views),
          capturedOn: date(row.capturedOn, `views-others-${index}-capturedOn`, 'the date', errors),
        })),
      },
    }
  },
  isStarted: content => filled(content.views.child.views, content.views.child.notCapturedReason),
}

const siblings: SectionSpec = {
  id: 'siblings',
  title: 'Brothers and sisters',
  hint: 'What the sibling assessment says, and each sibling’s own plan: if it differs, why ([TAM] Appendix 5 note).',
  toForm: (content, context) => ({
    siblingAssessmentSummary: content.siblingAssessmentSummary,
    siblingPlans: context.siblings.map(sibling => {
      const reference = content.siblingPlans.find(candidate => candidate.childId === sibling.childId)
      return {
        childId: sibling.childId,
        included: reference ? 'yes' : '',
        reasonPlansDiffer: reference?.reasonPlansDiffer ?? '',
      }
    }),
  }),
  read: (form, _errors, context) => {
    const shown = new Set(context.siblings.map(sibling => sibling.childId))
    return {
      siblingAssessmentSummary: text(form.siblingAssessmentSummary),
      siblingPlans: rows(form.siblingPlans)
        .filter(row => shown.has(text(row.childId)) && text(row.included) === 'yes')
        .map(row => ({
          childId: text(row.childId),
          planId: context.siblings.find(sibling => sibling.childId === text(row.childId))?.planId ?? null,
          reasonPlansDiffer: text(row.reasonPlansDiffer),
        })),
    }
  },
  isStarted: content => filled(content.siblingAssessmentSummary) || content.siblingPlans.length > 0,
}

const assessments: SectionSpec = {
  id: 'assessments',
  title: 'Assessments',
  hint: 'Each assessment that informs the options, with its key dates and outcome ([DOR] “The Meeting”).',
  lists: {
    assessments: () => ({
      id: randomUUID(),
      kind: '',
      subject: '',
      requestedOn: blankDate(),
      dueOn: blankDate(),
      completedOn: blankDate(),
      outcome: 'pending',
      summary: '',
    }),
  },
  toForm: content => ({
    assessments: content.assessments.map(assessment => ({
      ...assessment,
      requestedOn: toFormDate(assessment.requestedOn),
      dueOn: toFormDate(assessment.dueOn),
      completedOn: toFormDate(assessment.completedOn),
      personIds: [...assessment.personIds],
    })),
  }),
  read: (form, errors) => ({
    assessments: rows(form.assessments).map((row, index) => ({
      id: text(row.id),
      kind: text(row.kind),
      subject: text(row.subject),
      personIds: list(row.personIds),
      requestedOn: date(row.requestedOn, `assessments-${index}-requestedOn`, 'the date it was asked for', errors),
      dueOn: date(row.dueOn, `assessments-${index}-dueOn`, 'the date it is due', errors),
      completedOn: date(row.completedOn, `assessments-${index}-completedOn`, 'the date it was finished', errors),
      outcome: text(row.outcome),
      summary: text(row.summary),
    })),
  }),
  isStarted: content => content.assessments.length > 0,
}

const options: SectionSpec = {
  id: 'options',
  title: 'Options for permanence (balance sheet)',
  hint:
    'Every option weighed side by side: its strengths, risks and what it would mean for the child. One is the primary ' +
    'plan; others run alongside it (twin or triple tracking), are the contingency, or are ruled out with a reason.',
  lists: {
    options: () => ({
      id: randomUUID(),
      type: '',
      status: 'being-explored',
      description: '',
      proposedCarerIds: [],
      strengths: '',
      risks: '',
      meaningForChild: '',
      parentViews: '',
      assessmentIds: [],
      ruledOutOn: blankDate(),
      ruledOutReason: '',
      viabilityEvidence: '',
      reasonNotPrimary: '',
    }),
  },
  toForm: content => ({
    primary: content.options.find(option => option.isPrimary)?.id ?? '',
    options: content.options.map(option => ({
      ...option,
      isPrimary: option.isPrimary ? 'yes' : '',
      proposedCarerIds: [...option.proposedCarerIds],
      assessmentIds: [...option.assessmentIds],
      ruledOutOn: toFormDate(option.ruledOutOn),
    })),
  }),
  read: (form, errors) => {
    const primary = text(form.primary)
    return {
      options: rows(form.options).map((row, index) => ({
        id: text(row.id),
        type: text(row.type),
        status: text(row.status),
        isPrimary: primary !== '' && primary === text(row.id),
        description: text(row.description),
        proposedCarerIds: list(row.proposedCarerIds),
        strengths: text(row.strengths),
        risks: text(row.risks),
        meaningForChild: text(row.meaningForChild),
        parentViews: text(row.parentViews),
        assessmentIds: list(row.assessmentIds),
        ruledOutOn: date(row.ruledOutOn, `options-${index}-ruledOutOn`, 'the date it was ruled out', errors),
        ruledOutReason: text(row.ruledOutReason),
        viabilityEvidence: text(row.viabilityEvidence),
        reasonNotPrimary: text(row.reasonNotPrimary),
      })),
    }
  },
  isStarted: content => content.options.length > 0,
}

const timescale: SectionSpec = {
  id: 'timescale',
  title: 'Timescale and sharing the decision',
  hint: 'When permanence is expected, and how and by whom the decision will be shared with the child ([TAM] App 5).',
  toForm: content => ({
    anticipatedTimescale: {
      permanenceByOn: toFormDate(content.anticipatedTimescale.permanenceByOn),
      explanation: content.anticipatedTimescale.explanation,
    },
    decisionSharing: {
      how: content.decisionSharing.how,
      byWhom: content.decisionSharing.byWhom,
      byOn: toFormDate(content.decisionSharing.byOn),
    },
  }),
  read: (form, errors) => {
    const when = group(form.anticipatedTimescale)
    const sharing = group(form.decisionSharing)
    return {
      anticipatedTimescale: {
        permanenceByOn: date(
          when.permanenceByOn,
          'anticipatedTimescale-permanenceByOn',
          'the date permanence is expected',
          errors,
        ),
        explanation: text(when.explanation),
      },
      decisionSharing: {
        how: text(sharing.how),
        byWhom: text(sharing.byWhom),
        byOn: date(sharing.byOn, 'decisionSharing-byOn', 'the date it will be shared', errors),
      },
    }
  },
  isStarted: content => content.anticipatedTimescale.permanenceByOn !== null || filled(content.decisionSharing.how),
}

/** The sections, in the task list's order. */
export const PLAN_SECTIONS: readonly SectionSpec[] = [
  about,
  communication,
  legal,
  needs,
  keepingInTouch,
  people,
  strengthsAndBarriers,
  views,
  siblings,
  assessments,
  options,
  timescale,
]

/**
 * A section by its id.
 * @param id - the id in the address
 * @returns the section, or undefined
 */
export function sectionSpec(id: string): SectionSpec | undefined {
  return PLAN_SECTIONS.find(section => section.id === id)
}

/** Choices for the section forms' selects and radios, in the authority's words. */
export function sectionChoices(vocabulary: VocabularyName) {
  const pairs = (table: Readonly<Record<string, string>>) =>
    Object.entries(table).map(([value, label]) => ({ value, text: label }))
  return {
    optionTypes: OPTION_TYPE_VALUES.map(value => ({ value, text: optionName(vocabulary, value) })),
    optionStatuses: pairs(OPTION_STATUSES).filter(choice => choice.value !== 'achieved'),
    assessmentKinds: pairs(ASSESSMENT_KINDS),
    assessmentOutcomes: pairs(ASSESSMENT_OUTCOMES),
    considerationOutcomes: pairs(CONSIDERATION_OUTCOMES),
    childViewsMethods: pairs(CHILD_VIEWS_METHODS),
    viewHolderRoles: pairs(VIEW_HOLDER_ROLES),
    keyDateKinds: pairs(KEY_DATE_KINDS),
  }
}
