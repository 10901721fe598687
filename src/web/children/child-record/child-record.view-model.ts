import type { ChildAccessLogEntry } from '../../../app/children/types.ts'
import type { ChildRecordView } from '../../../app/children/view-child-record.ts'
import { ROLE_LABELS, type Role } from '../../../domain/access/policies.ts'
import { isWithin } from '../../../domain/children/care-record.ts'
import { ageInYears, type CalendarDay } from '../../../domain/shared/calendar-day.ts'
import { labels } from '../../content/labels.ts'

/**
 * What the child's record page prints.
 * @param view - the record
 * @param accessLog - who has seen the record
 * @param today - today's date
 * @returns the page's values
 */
export function childRecordViewModel(
  view: ChildRecordView,
  accessLog: readonly ChildAccessLogEntry[],
  today: CalendarDay,
) {
  const { record } = view
  const { child } = record
  const staff = new Map(view.staff.map(s => [s.id, s.displayName]))
  const people = new Map(record.people.map(p => [p.id, `${p.givenNames} ${p.familyName}`]))
  const currentStatus = record.legalStatuses.find(s => isWithin(today, s.startedOn, s.endedOn))
  const currentPlacement = record.placements.find(p => isWithin(today, p.startedOn, p.endedOn))
  const currentPeriod = record.periodsOfCare.find(p => isWithin(today, p.startedOn, p.endedOn))
  return {
    childId: child.id,
    name: `${child.givenNames} ${child.familyName}`,
    preferredName: child.preferredName,
    identity: {
      dateOfBirthOn: child.dateOfBirthOn,
      age: ageInYears(child.dateOfBirthOn, today),
      caseNumber: child.localCaseNumber,
      legalStatus: currentStatus ? labels.legalStatus(currentStatus.status) : 'Not looked after',
    },
    details: [
      { key: 'Given names', value: child.givenNames },
      { key: 'Family name', value: child.familyName },
      { key: 'Preferred name', value: child.preferredName ?? 'Not recorded' },
      { key: 'Sex', value: labels.sex(child.sex) },
      { key: 'Ethnicity', value: labels.ethnicity(child.ethnicity) },
      {
        key: 'First language',
        value: `${child.firstLanguage ?? 'Not recorded'}${child.needsInterpreter ? ' (needs an interpreter)' : ''}`,
      },
      { key: 'Religion', value: child.religion ?? 'Not recorded' },
      { key: 'Disability', value: child.hasDisability ? (child.disabilityDetails ?? 'Yes') : 'No' },
      { key: 'Communication needs', value: child.communicationNeeds ?? 'None recorded' },
      { key: 'Unique pupil number', value: child.upn ?? 'Not recorded' },
      { key: 'Team', value: view.team?.name ?? 'Not allocated' },
      {
        key: 'Social worker',
        value: child.allocatedWorkerId ? (staff.get(child.allocatedWorkerId) ?? 'Unknown') : 'Not allocated',
      },
      {
        key: 'Independent Reviewing Officer',
        value: child.allocatedIroId ? (staff.get(child.allocatedIroId) ?? 'Unknown') : 'Not allocated',
      },
    ],
    keyDates: [
      { key: 'Looked after since', value: currentPeriod?.startedOn ?? null },
      { key: 'Current placement since', value: currentPlacement?.startedOn ?? null },
      { key: 'Last statutory review', value: record.reviews.at(-1)?.heldOn ?? null },
    ],
    periodsOfCare: record.periodsOfCare.map(p => ({
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      reason: labels.reasonCareEnded(p.reasonEnded),
      need: labels.categoryOfNeed(p.categoryOfNeed),
    })),
    legalStatuses: record.legalStatuses.map(s => ({
      status: labels.legalStatus(s.status),
      startedOn: s.startedOn,
      endedOn: s.endedOn,
    })),
    placements: record.placements.map(p => ({
      type: labels.placementType(p.placementType),
      carer: p.carerPersonId ? (people.get(p.carerPersonId) ?? '') : (p.providerName ?? ''),
      startedOn: p.startedOn,
      endedOn: p.endedOn,
      reason: labels.reasonPlacementEnded(p.reasonEnded),
      untilEighteen: p.isIntendedUntilEighteen,
    })),
    reviews: [...record.reviews].reverse().map(r => ({
      heldOn: r.heldOn,
      chair: r.chairedById ? (staff.get(r.chairedById) ?? '') : '',
      participation: labels.participation(r.participation),
    })),
    proceedings: record.proceedings.map(p => ({
      issuedOn: p.issuedOn,
      court: p.court ?? '',
      filingOn: p.finalCarePlanFilingOn,
      concludedOn: p.concludedOn,
      extensions: p.extensions.length,
      outcome: p.outcome ?? '',
    })),
    orders: record.orders.map(o => ({
      type: labels.orderType(o.orderType),
      madeOn: o.madeOn,
      endedOn: o.endedOn,
      holders: o.holderPersonIds.map(id => people.get(id) ?? '').join(', '),
    })),
    network: record.relationships.map(r => ({
      name: people.get(r.personId) ?? '',
      relationship: labels.relationship(r.relationship),
      parentalResponsibility: r.holdsParentalResponsibility,
    })),
    siblings: record.siblings.map(s => ({ childId: s.siblingChildId, kind: labels.siblingKind(s.kind) })),
    warnings: view.warnings.map(w =>
      w.code === 'placement-gap'
        ? 'Some days in a period of care have no placement recorded'
        : 'Some days in a period of care have no legal status recorded',
    ),
    accessLog: accessLog.slice(0, 20).map(e => ({
      when: e.occurredAt,
      who: e.userName ?? 'Unknown',
      role: e.role && e.role in ROLE_LABELS ? ROLE_LABELS[e.role as Role] : (e.role ?? ''),
      action: e.action.toLowerCase().replace(/_/g, ' '),
      breakGlass: e.breakGlassReason,
    })),
  }
}

const count = new Intl.NumberFormat('en-GB')

/**
 * The sentence above the access log: how many of the record's accesses the page lists.
 * @param shown - entries listed
 * @param total - audit events naming the child in all
 * @returns the sentence
 */
export function accessSummary(shown: number, total: number): string {
  return total > shown
    ? `The ${count.format(shown)} most recent of ${count.format(total)} times the record was opened, changed or listed.`
    : `Every time the record was opened, changed or listed (${count.format(total)}).`
}
