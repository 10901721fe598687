/**
 * The authority's planning settings page (ADR 0061): anyone may read them; an administrator changes them with a
 * reason. The form posts to the same use case as `PUT /api/v1/planning-settings` and, refused, shows the GOV.UK error
 * summary with every answer kept (ADR 0040).
 */
import type { FastifyRequest } from 'fastify'
import {
  changePlanningSettings,
  viewPlanningSettings,
  type PlanningSettingsView,
} from '../../app/plans/planning-settings-admin.ts'
import { InputError } from '../../app/shared/errors.ts'
import type { Operation } from '../../app/shared/run-operation.ts'
import { decideAuthorityAccess } from '../../domain/access/policies.ts'
import { PANEL_PURPOSES } from '../../domain/panels/panel-schemas.ts'
import { PLANNING_SETTINGS_LABELS, PlanningSettingsChangeSchema } from '../../domain/plans/planning-settings.ts'
import { fieldErrorsFromZod } from '../../domain/shared/input.ts'
import { collectRefusal, ErrorList, list, nestedForm, text, type FormObject } from '../plans/form-data.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'

const URL = '/settings/planning'
const TEMPLATE = 'admin/planning-settings.njk'
const FIELDS = [
  'guidancePolicy',
  'vocabulary',
  'planToManagerDays',
  'planToManagerUnit',
  'planToManagerUnitConfirmed',
  'ppmEveryMonths',
  'ltfReviewMonths',
  'panelCostThresholdPounds',
  'purposesAlwaysToPanel',
  'reason',
]
const STALE = 'Someone changed the settings while you were editing them. Check them again before you save.'

/** The form's values, as typed (strings), from stored settings. */
function formFrom(view: PlanningSettingsView): FormObject {
  const s = view.settings
  const number = (value: number | null) => (value === null ? '' : String(value))
  return {
    guidancePolicy: s.guidancePolicy ?? 'none',
    vocabulary: s.vocabulary,
    planToManagerDays: number(s.planToManagerDays),
    planToManagerUnit: s.planToManagerUnit ?? 'none',
    planToManagerUnitConfirmed: s.planToManagerUnitConfirmed ? 'yes' : '',
    ppmEveryMonths: number(s.ppmEveryMonths),
    ltfReviewMonths: number(s.ltfReviewMonths),
    panelCostThresholdPounds: s.panelCostThresholdPence === null ? '' : String(s.panelCostThresholdPence / 100),
    purposesAlwaysToPanel: [...s.purposesAlwaysToPanel],
    reason: '',
    rowVersion: String(view.version),
  }
}

/** A typed number, null when blank, the text itself when not a number (so the schema names the field). */
function numberOrText(value: string): number | string | null {
  const trimmed = value.trim().replace(/,/g, '')
  if (trimmed === '') {
    return null
  }
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed
}

function page(op: Operation, view: PlanningSettingsView, form: FormObject, errors?: ErrorList): PageResult {
  return {
    template: TEMPLATE,
    context: {
      view,
      form,
      canChange: decideAuthorityAccess(op.actor.role, 'policy:manage') === 'allow',
      purposes: Object.entries(PANEL_PURPOSES).map(([value, label]) => ({
        value,
        text: label,
        checked: list(form.purposesAlwaysToPanel).includes(value),
      })),
      errors: errors?.all ?? [],
      fieldErrors: errors?.byField ?? {},
    },
  }
}

async function save(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const form = nestedForm(request)
  const errors = new ErrorList().onlyFields(FIELDS)
  const pounds = numberOrText(text(form.panelCostThresholdPounds))
  const input = {
    guidancePolicy: text(form.guidancePolicy) === 'none' ? null : text(form.guidancePolicy),
    vocabulary: text(form.vocabulary),
    planToManagerDays: numberOrText(text(form.planToManagerDays)),
    planToManagerUnit: text(form.planToManagerUnit) === 'none' ? null : text(form.planToManagerUnit),
    planToManagerUnitConfirmed: text(form.planToManagerUnitConfirmed) === 'yes',
    ppmEveryMonths: numberOrText(text(form.ppmEveryMonths)),
    ltfReviewMonths: numberOrText(text(form.ltfReviewMonths)),
    panelCostThresholdPence: typeof pounds === 'number' ? Math.round(pounds * 100) : pounds,
    purposesAlwaysToPanel: list(form.purposesAlwaysToPanel),
    reason: text(form.reason),
  }
  const parsed = PlanningSettingsChangeSchema.safeParse(input)
  if (!parsed.success) {
    const labels = {
      ...PLANNING_SETTINGS_LABELS,
      panelCostThresholdPence: { noun: 'the panel cost threshold in pounds', name: 'Panel cost threshold' },
    }
    // The threshold is typed in pounds: its errors point at the pounds box.
    for (const issue of fieldErrorsFromZod(parsed.error, labels)) {
      const field = issue.path.split('.')[0]!
      errors.add(field === 'panelCostThresholdPence' ? 'panelCostThresholdPounds' : field, issue.message)
    }
    throw new PageWithErrors(page(op, await viewPlanningSettings(op), form, errors))
  }
  const version = /^\d{1,9}$/.test(text(form.rowVersion)) ? Number(text(form.rowVersion)) : Number.NaN
  try {
    await changePlanningSettings(op, version, parsed.data)
  } catch (error) {
    if (error instanceof InputError) {
      for (const e of error.errors) {
        errors.add(e.path, e.message)
      }
      throw new PageWithErrors(page(op, await viewPlanningSettings(op), form, errors))
    }
    const outcome = collectRefusal(error, errors, STALE)
    throw new PageWithErrors(page(op, await viewPlanningSettings(op), form, errors), outcome)
  }
  return { redirect: `${URL}?saved=1` }
}

export const settingsPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: URL,
    policy: 'policy:view',
    audit: 'PLANNING_SETTINGS_VIEWED',
    handle: async (op, request) => {
      const view = await viewPlanningSettings(op)
      const result = page(op, view, formFrom(view))
      return {
        ...result,
        context: { ...result.context, saved: (request.query as Record<string, unknown>).saved === '1' },
      }
    },
  },
  {
    method: 'POST',
    url: URL,
    policy: 'policy:manage',
    audit: 'PLANNING_SETTINGS_CHANGED',
    handle: save,
  },
]
