/**
 * Turns an imported child into ReturnFacts, with placeholder details where 903 holds none (names, worker ids), so
 * imported data can be exported, validated and scored before anyone completes the record. The placeholders are
 * plainly marked; the lead's import use case replaces them with the authority's own data where it has it.
 */
import type { ChildDetails, WorkerAllocation } from '../children/care-record.ts'
import type { ReturnFacts, SocialWorkerEpisodeDetails } from './return-facts.ts'
import { stableFactId, uuidV5 } from './stable-id.ts'
import type { ImportedChild } from './stitch-years.ts'

/**
 * ReturnFacts for an imported child.
 * @param child - the stitched child
 * @returns facts with placeholder names; social worker episodes become allocations to a worker id derived from SW_ID
 */
export function importedChildToReturnFacts(child: ImportedChild): ReturnFacts {
  const allocations: WorkerAllocation[] = child.socialWorkerEpisodes.map(episode => ({
    id: episode.id,
    version: 1,
    workerId: uuidV5(`ssda903-social-worker|${episode.socialWorkerRef}`),
    teamId: null,
    startedOn: episode.startedOn,
    endedOn: episode.endedOn,
    reasonEnded: null,
  }))
  const socialWorkerEpisodes: SocialWorkerEpisodeDetails[] = child.socialWorkerEpisodes.map(episode => ({
    allocationId: episode.id,
    socialWorkerRef: episode.socialWorkerRef,
    changeReason: episode.changeReason,
  }))
  const details: ChildDetails = {
    id: child.childId,
    version: 1,
    givenNames: 'Unknown',
    familyName: `(imported ${child.laChildId})`,
    preferredName: null,
    dateOfBirthOn: child.details.dateOfBirthOn,
    sex: child.details.sex,
    ethnicity: child.details.ethnicity,
    firstLanguage: null,
    needsInterpreter: false,
    religion: null,
    hasDisability: false,
    disabilityDetails: null,
    communicationNeeds: null,
    localCaseNumber: child.laChildId,
    upn: child.details.upn,
    isUnaccompaniedAsylumSeeker: child.details.isUnaccompaniedAsylumSeeker,
    dateOfDeathOn: null,
    teamId: null,
    allocatedWorkerId: allocations.find(allocation => allocation.endedOn === null)?.workerId ?? null,
    allocatedIroId: null,
    sensitivity: 'normal',
    restrictionCategory: null,
    restrictionOwnerId: null,
    restrictionReviewOn: null,
    restrictionPermittedUserIds: [],
  }
  return {
    child: details,
    periodsOfCare: child.periodsOfCare,
    legalStatuses: child.legalStatuses,
    placements: child.placements,
    reviews: child.reviews,
    proceedings: [],
    orders: [],
    relationships: [],
    people: child.carers,
    siblings: [],
    allocations,
    livingArrangements: [],
    events: [],
    returnDetails: { ...child.returnDetails, socialWorkerEpisodes },
  }
}

/**
 * The stable id the importer gives a child, for looking one up before import.
 * @param laChildId - the 903 CHILD
 * @returns the UUID
 */
export function importedChildId(laChildId: string): string {
  return stableFactId(laChildId, 'child')
}
