/**
 * Small hand-built facts for tests: one fictional child in one period of care, which tests then change to break
 * one rule at a time. Everything is synthetic.
 */
import type { CalendarDay } from '../shared/calendar-day.ts'
import type { LegalStatusSpell, PeriodOfCare, Placement } from '../children/care-record.ts'
import type { LegalStatus, PlacementType } from '../children/codes.ts'
import { EMPTY_RETURN_DETAILS, type ReturnFacts } from './return-facts.ts'

/**
 * Shorthand for a CalendarDay literal in tests.
 * @param value - `YYYY-MM-DD`
 * @returns the day
 */
export const d = (value: string): CalendarDay => value as CalendarDay

/**
 * A placement for tests.
 * @param id - the id
 * @param placementType - the type
 * @param startedOn - first day
 * @param endedOn - first day away
 * @param more - other fields
 * @returns the placement
 */
export function testPlacement(
  id: string,
  placementType: PlacementType,
  startedOn: string,
  endedOn: string | null,
  more: Partial<Placement> = {},
): Placement {
  return {
    id,
    version: 1,
    placementType,
    carerPersonId: null,
    providerName: null,
    providerType: 'own-authority',
    postcode: `ZZ99 ${id.length}AA`,
    ofstedUrn: 'SC123456',
    startedOn: d(startedOn),
    endedOn: endedOn === null ? null : d(endedOn),
    reasonEnded: null,
    isIntendedUntilEighteen: false,
    ...more,
  }
}

/**
 * A legal status spell for tests.
 * @param id - the id
 * @param status - the status
 * @param startedOn - first day
 * @param endedOn - first day after
 * @returns the spell
 */
export function testSpell(
  id: string,
  status: LegalStatus,
  startedOn: string,
  endedOn: string | null,
): LegalStatusSpell {
  return { id, version: 1, status, startedOn: d(startedOn), endedOn: endedOn === null ? null : d(endedOn) }
}

/**
 * A period of care for tests.
 * @param id - the id
 * @param startedOn - first day
 * @param endedOn - first day away
 * @param more - other fields
 * @returns the period
 */
export function testPeriod(
  id: string,
  startedOn: string,
  endedOn: string | null,
  more: Partial<PeriodOfCare> = {},
): PeriodOfCare {
  return {
    id,
    version: 1,
    startedOn: d(startedOn),
    endedOn: endedOn === null ? null : d(endedOn),
    reasonEnded: null,
    categoryOfNeed: 'N1',
    previousPermanence: 'none',
    ...more,
  }
}

/**
 * A fictional child, born 1 June 2015, in foster care under a care order from 1 May 2025, still looked after; with
 * one review, a social worker and no other facts. Override any part.
 * @param overrides - fields to replace
 * @returns the facts
 */
export function testFacts(overrides: Partial<ReturnFacts> = {}): ReturnFacts {
  return {
    child: {
      id: 'child-1',
      version: 1,
      givenNames: 'Testy',
      familyName: 'Fictional',
      preferredName: null,
      dateOfBirthOn: d('2015-06-01'),
      sex: 'male',
      ethnicity: 'WBRI',
      firstLanguage: null,
      needsInterpreter: false,
      religion: null,
      hasDisability: false,
      disabilityDetails: null,
      communicationNeeds: null,
      localCaseNumber: 'TEST001',
      upn: 'A123456789012',
      isUnaccompaniedAsylumSeeker: false,
      dateOfDeathOn: null,
      teamId: null,
      allocatedWorkerId: null,
      allocatedIroId: null,
      sensitivity: 'normal',
      restrictionCategory: null,
      restrictionOwnerId: null,
      restrictionReviewOn: null,
      restrictionPermittedUserIds: [],
    },
    periodsOfCare: [testPeriod('poc-1', '2025-05-01', null)],
    legalStatuses: [testSpell('ls-1', 'care-order', '2025-05-01', null)],
    placements: [testPlacement('pl-1', 'foster-other', '2025-05-01', null)],
    reviews: [
      {
        id: 'rv-1',
        version: 1,
        heldOn: d('2025-05-20'),
        participation: 'PN1',
        chairedById: null,
        broughtForwardReason: null,
        notes: null,
      },
    ],
    proceedings: [],
    orders: [],
    relationships: [],
    people: [],
    siblings: [],
    allocations: [
      {
        id: 'al-1',
        version: 1,
        workerId: 'w-1',
        teamId: null,
        startedOn: d('2025-05-01'),
        endedOn: null,
        reasonEnded: null,
      },
    ],
    livingArrangements: [],
    events: [],
    returnDetails: {
      ...EMPTY_RETURN_DETAILS,
      periodsOfCare: [
        {
          periodOfCareId: 'poc-1',
          homePostcode: 'ZZ99 1ZZ',
          previousPermanenceAuthority: null,
          previousPermanenceOn: null,
        },
      ],
      socialWorkerEpisodes: [{ allocationId: 'al-1', socialWorkerRef: 'SW12345', changeReason: null }],
    },
    ...overrides,
  }
}
