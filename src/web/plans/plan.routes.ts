/**
 * The permanence plan pages: the overview, the editor (a task list of sections, one page each), each version in full,
 * and the lifecycle steps (send, take back, return, endorse, ratify, decline, change of option, new version,
 * permanence achieved). Forms keep every answer on error and are refused for the second of two people changing the
 * same version (the hidden row version).
 */
import type { FastifyRequest } from 'fastify'
import { authoriseChild, type Operation } from '../../app/shared/run-operation.ts'
import { ConflictError, NotFoundError } from '../../app/shared/errors.ts'
import { editDraftPlan } from '../../app/plans/edit-draft-plan.ts'
import { startPermanencePlan } from '../../app/plans/start-plan.ts'
import { viewPermanencePlan, type PlanOverview } from '../../app/plans/view-permanence-plan.ts'
import { PlanEditSchema } from '../../domain/plans/plan-schemas.ts'
import {
  ASSESSMENT_KINDS,
  ASSESSMENT_OUTCOMES,
  CHILD_VIEWS_METHODS,
  CONSIDERATION_OUTCOMES,
  KEY_DATE_KINDS,
  OPTION_STATUSES,
  VIEW_HOLDER_ROLES,
} from '../../domain/plans/permanence-options.ts'
import { PLAN_STATUSES } from '../../domain/plans/permanence-plan.ts'
import type { FieldLabel } from '../../domain/shared/input.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'
import { childHeaderView } from './child-header.view-model.ts'
import {
  collectRefusal,
  ErrorList,
  formAction,
  formVersion,
  group,
  nestedForm,
  rows,
  text,
  type FormObject,
} from './form-data.ts'
import { planActionPages } from './plan-actions.routes.ts'
import { childIdOf, STALE_PLAN } from './page-support.ts'
import { PLAN_SECTIONS, sectionChoices, sectionSpec, type SectionContext, type SectionSpec } from './plan-sections.ts'
import { optionName, planOverviewView, planSummary, STATUS_TAG } from './plan.view-model.ts'
import { planPaths } from './plan-paths.ts'

const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  type: { noun: 'the option', name: 'Option', isChoice: true },
  status: { noun: 'where the option stands', name: 'Status', isChoice: true },
  kind: { noun: 'what it is', name: 'Kind', isChoice: true },
  role: { noun: 'who they are', name: 'Who they are', isChoice: true },
  outcome: { noun: 'the outcome', name: 'Outcome', isChoice: true },
  method: { noun: 'how the views were gathered', name: 'How the views were gathered', isChoice: true },
  on: { noun: 'the date', name: 'The date' },
  name: { noun: 'the name', name: 'Name' },
}

function sectionContext(overview: PlanOverview): SectionContext {
  return {
    vocabulary: overview.settings.plan.vocabulary,
    siblings: overview.siblings.map(sibling => ({
      childId: sibling.childId,
      name: sibling.name,
      planId: sibling.plan?.plan.id ?? null,
    })),
  }
}

/** The readiness rule paths, by the section that holds the field. */
const SECTION_OF_PATH: Readonly<Record<string, string>> = {
  options: 'options',
  views: 'views',
  anticipatedTimescale: 'timescale',
  decisionSharing: 'timescale',
  siblingPlans: 'siblings',
}

async function loadForEditing(op: Operation, request: FastifyRequest) {
  const childId = childIdOf(request)
  await authoriseChild(op, childId, 'plan:edit')
  const overview = await viewPermanencePlan(op, childId)
  return { childId, overview }
}

function editorPage(overview: PlanOverview, today: Operation['today']): PageResult {
  const latest = overview.latest
  const content = latest?.plan.content
  const needing = new Set(
    overview.readiness.map(error => SECTION_OF_PATH[String(error.path[1] ?? '')] ?? '').filter(Boolean),
  )
  const child = childHeaderView(overview.child, today)
  return {
    template: 'plans/plan-editor.njk',
    context: {
      childHeader: child,
      pageTitle: `Edit the permanence plan – ${child.name}`,
      isDraft: latest?.plan.status === 'draft',
      version: latest?.plan.version ?? null,
      status: latest ? PLAN_STATUSES[latest.plan.status] : null,
      overviewHref: planPaths.plan(overview.child.id),
      sendHref: planPaths.action(overview.child.id, 'send'),
      sections: PLAN_SECTIONS.map(section => {
        const started = content !== undefined && section.isStarted(content)
        return {
          title: { text: section.title },
          hint: { text: section.hint },
          href: planPaths.section(overview.child.id, section.id),
          status: !started
            ? { tag: { text: 'Not started', classes: 'govuk-tag--blue' } }
            : needing.has(section.id)
              ? { tag: { text: 'Needs more', classes: 'govuk-tag--light-blue' } }
              : { text: 'Completed' },
        }
      }),
      readiness: overview.readiness.length,
    },
  }
}

function sectionPage(
  overview: PlanOverview,
  section: SectionSpec,
  values: FormObject,
  today: Operation['today'],
  rowVersion: number | null,
  errors = new ErrorList(),
): PageResult {
  const child = childHeaderView(overview.child, today)
  const latest = overview.latest
  const content = latest?.plan.content
  return {
    template: 'plans/plan-section.njk',
    status: errors.isEmpty ? 200 : 400,
    context: {
      childHeader: child,
      pageTitle: `${section.title} – permanence plan – ${child.name}`,
      section: { id: section.id, title: section.title, hint: section.hint },
      isDraft: latest?.plan.status === 'draft',
      action: planPaths.section(overview.child.id, section.id),
      editorHref: planPaths.editor(overview.child.id),
      rowVersion: rowVersion ?? latest?.rowVersion ?? '',
      values,
      choices: sectionChoices(overview.settings.plan.vocabulary),
      // What other sections hold, for the options' links to assessments and carers.
      assessments: (content?.assessments ?? []).map((assessment, index) => ({
        value: assessment.id,
        text:
          `${ASSESSMENT_KINDS[assessment.kind]}${assessment.subject ? ` (${assessment.subject})` : ''}` ||
          `Assessment ${index + 1}`,
      })),
      people: (content?.importantPeople ?? []).map(person => ({ value: person.id, text: person.name })),
      network: overview.network.map(person => ({
        value: person.personId,
        text: `${person.name} (${person.relationship})`,
      })),
      siblings: sectionContext(overview).siblings,
      primaryChoices: rows(values.options).map((option, index) => ({
        value: text(option.id),
        text: `Option ${index + 1}: ${
          text(option.type) === ''
            ? 'not chosen yet'
            : optionName(overview.settings.plan.vocabulary, text(option.type) as never)
        }`,
      })),
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

/** Adds a blank row to, or removes a row from, an "add another" list, without saving (works without JavaScript). */
function changeRows(section: SectionSpec, form: FormObject, action: string): FormObject | null {
  for (const [key, blank] of Object.entries(section.lists ?? {})) {
    const path = key.replace(/\]/g, '').split('[')
    const parent = path.length === 1 ? form : group(form[path[0]!])
    const name = path.at(-1)!
    if (action === `add-${key}`) {
      parent[name] = [...rows(parent[name]), blank()]
    } else if (action.startsWith(`remove-${key}-`)) {
      const index = Number(action.slice(`remove-${key}-`.length))
      parent[name] = rows(parent[name]).filter((_row, position) => position !== index)
      if (name === 'options' && !rows(parent[name]).some(row => text(row.id) === text(form.primary))) {
        form.primary = ''
      }
    } else {
      continue
    }
    if (path.length > 1) {
      form[path[0]!] = parent
    }
    return form
  }
  return null
}

async function showSection(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const { overview } = await loadForEditing(op, request)
  const section = sectionSpec(String((request.params as Record<string, unknown>).section))
  if (!section) {
    throw new NotFoundError('Section')
  }
  const content = overview.latest?.plan.content
  const values = content ? section.toForm(content, sectionContext(overview)) : {}
  return sectionPage(overview, section, values, op.today, null)
}

async function saveSection(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const { childId, overview } = await loadForEditing(op, request)
  const section = sectionSpec(String((request.params as Record<string, unknown>).section))
  if (!section || !overview.latest) {
    throw new NotFoundError('Section')
  }
  const form = nestedForm(request)
  const rowVersion = formVersion(form)
  const changed = changeRows(section, form, formAction(form))
  if (changed) {
    return sectionPage(overview, section, changed, op.today, rowVersion)
  }
  const errors = new ErrorList()
  const raw = section.read(form, errors, sectionContext(overview))
  const parsed = PlanEditSchema.strict().safeParse(raw)
  if (!parsed.success) {
    errors.addSchemaErrors(parsed.error, FIELD_LABELS)
  }
  if (errors.isEmpty && parsed.success) {
    try {
      await editDraftPlan(op, childId, overview.latest.plan.version, rowVersion, parsed.data)
      return { redirect: planPaths.editor(childId) }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_PLAN)
      throw new PageWithErrors(sectionPage(overview, section, form, op.today, rowVersion, errors), outcome)
    }
  }
  throw new PageWithErrors(sectionPage(overview, section, form, op.today, rowVersion, errors))
}

async function showVersion(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const childId = childIdOf(request)
  const overview = await viewPermanencePlan(op, childId)
  const wanted = Number((request.params as Record<string, unknown>).version)
  const stored = overview.versions.find(candidate => candidate.plan.version === wanted)
  if (!stored) {
    throw new NotFoundError('Plan version')
  }
  const child = childHeaderView(overview.child, op.today)
  const vocabulary = overview.settings.plan.vocabulary
  const content = stored.plan.content
  return {
    template: 'plans/plan-version.njk',
    context: {
      childHeader: child,
      pageTitle: `Permanence plan version ${wanted} – ${child.name}`,
      summary: planSummary(stored.plan, vocabulary),
      statusTag: STATUS_TAG[stored.plan.status],
      content,
      options: content.options.map(option => ({
        ...option,
        name: optionName(vocabulary, option.type),
        statusText: option.isPrimary ? 'Primary plan' : OPTION_STATUSES[option.status],
        assessments: option.assessmentIds
          .map(id => content.assessments.find(assessment => assessment.id === id))
          .filter(assessment => assessment !== undefined)
          .map(
            assessment =>
              `${ASSESSMENT_KINDS[assessment.kind]}: ${ASSESSMENT_OUTCOMES[assessment.outcome].toLowerCase()}`,
          ),
      })),
      labels: {
        assessmentKinds: ASSESSMENT_KINDS,
        assessmentOutcomes: ASSESSMENT_OUTCOMES,
        considerations: CONSIDERATION_OUTCOMES,
        methods: CHILD_VIEWS_METHODS,
        roles: VIEW_HOLDER_ROLES,
        keyDateKinds: KEY_DATE_KINDS,
      },
      siblingNames: Object.fromEntries(overview.siblings.map(sibling => [sibling.childId, sibling.name])),
      overviewHref: planPaths.plan(childId),
      documentHref: planPaths.planDocument(childId, 'pdf', wanted),
    },
  }
}

export const planPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/children/:childId/plan',
    policy: 'child:view',
    audit: 'PERMANENCE_PLAN_VIEWED',
    handle: async (op, request) => {
      const overview = await viewPermanencePlan(op, childIdOf(request))
      const view = planOverviewView(overview, op.today)
      return { template: 'plans/plan-overview.njk', context: { view } }
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/plan/start',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_STARTED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      try {
        await startPermanencePlan(op, childId)
      } catch (error) {
        // Started by someone else a moment ago: carry on with their plan.
        if (!(error instanceof ConflictError)) {
          throw error
        }
        await authoriseChild(op, childId, 'plan:edit')
      }
      return { redirect: planPaths.editor(childId) }
    },
  },
  {
    method: 'GET',
    url: '/children/:childId/plan/versions/:version',
    policy: 'child:view',
    audit: 'PERMANENCE_PLAN_VIEWED',
    handle: showVersion,
  },
  {
    method: 'GET',
    url: '/children/:childId/plan/edit',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_VIEWED',
    handle: async (op, request) => editorPage((await loadForEditing(op, request)).overview, op.today),
  },
  {
    method: 'GET',
    url: '/children/:childId/plan/edit/:section',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_VIEWED',
    handle: showSection,
  },
  {
    method: 'POST',
    url: '/children/:childId/plan/edit/:section',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_EDITED',
    handle: saveSection,
  },
  ...planActionPages,
]
