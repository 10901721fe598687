/**
 * The meetings and decision points of permanence planning, who chairs them, and the roles of people invited.
 *
 * A permanence planning meeting (PPM) is chaired by the team manager ([DOR] "Team manager chairs the PPM"; [TAM] §9.1,
 * App 4) and differs from the statutory child in care review, which an independent reviewing officer chairs
 * ([DEV]; CPPCR 2010 Part 6; [TAM] §7).
 */
import type { CalendarDay } from '../shared/calendar-day.ts'

export const MEETING_KINDS = {
  'permanence-planning-meeting': { label: 'Permanence planning meeting (PPM)', chairRoles: ['team-manager'] },
  'statutory-review': { label: 'Child in care review', chairRoles: ['iro'] },
  'family-network-meeting': { label: 'Family network meeting', chairRoles: null },
  'family-group-conference': { label: 'Family group conference', chairRoles: null },
  'legal-gateway': { label: 'Legal gateway meeting', chairRoles: null },
  'permanence-panel': { label: 'Permanence panel', chairRoles: null },
  'adoption-panel': { label: 'Adoption panel', chairRoles: null },
  'fostering-panel': { label: 'Fostering panel', chairRoles: null },
  'agency-decision': { label: 'Agency decision maker’s decision', chairRoles: ['agency-decision-maker'] },
} as const satisfies Record<string, { label: string; chairRoles: readonly ParticipantRole[] | null }>
export type MeetingKind = keyof typeof MEETING_KINDS
export const MEETING_KIND_VALUES = Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]]

/** Roles of the people at a meeting (people in the child's life and professionals). */
export const PARTICIPANT_ROLES = {
  child: { label: 'Child or young person', isProfessional: false },
  parent: { label: 'Parent', isProfessional: false },
  'family-member': { label: 'Family member or friend', isProfessional: false },
  carer: { label: 'Carer', isProfessional: false },
  'social-worker': { label: 'Social worker', isProfessional: true },
  'team-manager': { label: 'Team manager', isProfessional: true },
  'service-manager': { label: 'Service manager', isProfessional: true },
  iro: { label: 'Independent reviewing officer (IRO or QARO)', isProfessional: true },
  'supervising-social-worker': { label: 'Supervising social worker', isProfessional: true },
  legal: { label: 'Legal adviser', isProfessional: true },
  health: { label: 'Health professional', isProfessional: true },
  education: { label: 'Education or virtual school', isProfessional: true },
  'leaving-care': { label: 'Leaving care or adult services', isProfessional: true },
  'fgc-coordinator': { label: 'Family group conference coordinator', isProfessional: true },
  'panel-member': { label: 'Panel member', isProfessional: true },
  'agency-decision-maker': { label: 'Agency decision maker', isProfessional: true },
  advocate: { label: 'Advocate', isProfessional: true },
  interpreter: { label: 'Interpreter', isProfessional: true },
  other: { label: 'Other', isProfessional: false },
} as const
export type ParticipantRole = keyof typeof PARTICIPANT_ROLES
export const PARTICIPANT_ROLE_VALUES = Object.keys(PARTICIPANT_ROLES) as [ParticipantRole, ...ParticipantRole[]]

export const ATTENDANCE = {
  invited: 'Invited',
  attended: 'Attended',
  'sent-apologies': 'Sent apologies',
  'did-not-attend': 'Did not attend',
  'not-invited': 'Not invited',
} as const
export type Attendance = keyof typeof ATTENDANCE
export const ATTENDANCE_VALUES = Object.keys(ATTENDANCE) as [Attendance, ...Attendance[]]

export const ACTION_STATUSES = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const
export type ActionStatus = keyof typeof ACTION_STATUSES
export const ACTION_STATUS_VALUES = Object.keys(ACTION_STATUSES) as [ActionStatus, ...ActionStatus[]]

/** What the plan rules need to know about a meeting they refer to. */
export interface MeetingReference {
  readonly id: string
  readonly kind: MeetingKind
  readonly heldOn: CalendarDay
  readonly childIds: readonly string[]
}
