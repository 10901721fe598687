import type { ParseError } from './parse-files.ts'
import type { StitchResult } from './stitch-years.ts'

/** Counts for the import report (issue 8: "a report of every rejected or contradictory row … and a summary count"). */
export interface ImportSummary {
  readonly childrenImported: number
  readonly childrenRejected: number
  readonly childrenWithWarnings: number
  readonly periodsOfCare: number
  readonly legalStatuses: number
  readonly placements: number
  readonly reviews: number
  readonly adoptionJourneys: number
  readonly missingEpisodes: number
  readonly socialWorkerEpisodes: number
  readonly filesRefused: number
  readonly fileErrors: number
  readonly warnings: number
}

/**
 * Counts what an import brought in and what it refused.
 * @param result - the stitched children and problems
 * @param parseErrors - the errors from reading the files, if any
 * @returns the counts
 */
export function summariseImport(result: StitchResult, parseErrors: readonly ParseError[] = []): ImportSummary {
  const rejected = new Set(result.problems.filter(p => p.severity === 'fatal').map(p => p.laChildId))
  const warned = new Set(result.problems.filter(p => p.severity === 'warning').map(p => p.laChildId))
  const sum = (count: (child: StitchResult['children'][number]) => number) =>
    result.children.reduce((total, child) => total + count(child), 0)
  return {
    childrenImported: result.children.length,
    childrenRejected: rejected.size,
    childrenWithWarnings: [...warned].filter(id => !rejected.has(id)).length,
    periodsOfCare: sum(child => child.periodsOfCare.length),
    legalStatuses: sum(child => child.legalStatuses.length),
    placements: sum(child => child.placements.length),
    reviews: sum(child => child.reviews.length),
    adoptionJourneys: sum(child => child.returnDetails.adoptionJourneys.length),
    missingEpisodes: sum(child => child.returnDetails.missingEpisodes.length),
    socialWorkerEpisodes: sum(child => child.socialWorkerEpisodes.length),
    filesRefused: new Set(parseErrors.map(error => error.file)).size,
    fileErrors: parseErrors.length,
    warnings: result.problems.filter(p => p.severity === 'warning').length,
  }
}
