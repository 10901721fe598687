/** The planning pages' URLs, built here so links and routes agree (opaque ids only, never names). */
export const planPaths = {
  plan: (childId: string) => `/children/${childId}/plan`,
  start: (childId: string) => `/children/${childId}/plan/start`,
  editor: (childId: string) => `/children/${childId}/plan/edit`,
  section: (childId: string, section: string) => `/children/${childId}/plan/edit/${section}`,
  action: (childId: string, action: string) => `/children/${childId}/plan/${action}`,
  version: (childId: string, version: number) => `/children/${childId}/plan/versions/${version}`,
  meetings: (childId: string) => `/children/${childId}/meetings`,
  newMeeting: (childId: string) => `/children/${childId}/meetings/new`,
  meeting: (childId: string, meetingId: string) => `/children/${childId}/meetings/${meetingId}`,
  meetingAction: (childId: string, meetingId: string, action: string) =>
    `/children/${childId}/meetings/${meetingId}/${action}`,
  actionUpdate: (childId: string, meetingId: string, actionId: string) =>
    `/children/${childId}/meetings/${meetingId}/actions/${encodeURIComponent(actionId)}`,
  newPanelRequest: (childId: string) => `/children/${childId}/panel-requests/new`,
  panelRequest: (childId: string, requestId: string) => `/children/${childId}/panel-requests/${requestId}`,
  newAdmDecision: (childId: string) => `/children/${childId}/adm-decisions/new`,
  documents: (childId: string) => `/children/${childId}/documents`,
  planDocument: (childId: string, format: string, version?: number) =>
    `/children/${childId}/documents/plan/${format}${version === undefined ? '' : `?version=${version}`}`,
  minutesDocument: (childId: string, meetingId: string, format: string) =>
    `/children/${childId}/documents/minutes/${meetingId}/${format}`,
  myPlanDocument: (childId: string, format: string) => `/children/${childId}/documents/my-plan/${format}`,
  myPlan: (childId: string, action: string) => `/children/${childId}/documents/my-plan/${action}`,
} as const
