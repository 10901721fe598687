/** Addresses of the case-file audit pages (opaque ids only). */
export const auditPaths = {
  rounds: () => '/audits',
  newRound: () => '/audits/new',
  round: (roundId: string) => `/audits/${roundId}`,
  closeRound: (roundId: string) => `/audits/${roundId}/close`,
  cancelRound: (roundId: string) => `/audits/${roundId}/cancel`,
  auditCase: (roundId: string, caseId: string) => `/audits/${roundId}/cases/${caseId}`,
  caseAudit: (roundId: string, caseId: string) => `/audits/${roundId}/cases/${caseId}/audit`,
  caseModeration: (roundId: string, caseId: string) => `/audits/${roundId}/cases/${caseId}/moderation`,
  caseActions: (roundId: string, caseId: string) => `/audits/${roundId}/cases/${caseId}/actions`,
  reassignCase: (roundId: string, caseId: string) => `/audits/${roundId}/cases/${caseId}/reassign`,
  withdrawCase: (roundId: string, caseId: string) => `/audits/${roundId}/cases/${caseId}/withdraw`,
  brief: (roundId: string) => `/audits/${roundId}/learning-brief`,
  briefDocument: (roundId: string, format: 'pdf' | 'docx') =>
    `/audits/${roundId}/learning-brief/document?format=${format}`,
  briefs: () => '/learning-briefs',
  childAuditAction: (childId: string, actionId: string) => `/children/${childId}/audit-actions/${actionId}`,
} as const
