/**
 * Storage for the national returns (migration 0050): the facts the SSDA903 return needs beyond the care record, a
 * social worker's 903 identifier, and the adoption scorecard thresholds. Mirrors the SQL; db.int.test.ts keeps the
 * two in step.
 */
import { boolean, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { day, instant, versionedColumns } from './columns.ts'

export const adoptionJourneys = pgTable(
  'adoption_journeys',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    decidedOn: day('decided_on').notNull(),
    decisionCeasedOn: day('decision_ceased_on'),
    decisionCeasedReason: text('decision_ceased_reason'),
    placementOrderOn: day('placement_order_on'),
    matchedOn: day('matched_on'),
    placedOn: day('placed_on'),
    adoptionOrderOn: day('adoption_order_on'),
    fosteringForAdoptionOn: day('fostering_for_adoption_on'),
    adopterCount: integer('adopter_count'),
    adopterSexes: text('adopter_sexes'),
    adopterLegalStatus: text('adopter_legal_status'),
    isAdoptedByFosterCarers: boolean('is_adopted_by_foster_carers'),
    familyId: text('family_id'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const missingEpisodes = pgTable(
  'missing_episodes',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    kind: text('kind').notNull(),
    startedOn: day('started_on').notNull(),
    returnedOn: day('returned_on'),
    wasReturnInterviewOffered: boolean('was_return_interview_offered'),
    wasReturnInterviewAccepted: boolean('was_return_interview_accepted'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const socialWorkerEpisodes = pgTable(
  'social_worker_episodes',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    allocationId: uuid('allocation_id').notNull(),
    socialWorkerRef: text('social_worker_ref').notNull(),
    changeReason: text('change_reason'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const deprivationOfLibertyOrders = pgTable(
  'deprivation_of_liberty_orders',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const healthOutcomes = pgTable(
  'health_outcomes',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    collectionYear: integer('collection_year').notNull(),
    sdqScore: integer('sdq_score'),
    sdqReason: text('sdq_reason'),
    isConvicted: boolean('is_convicted'),
    hasHealthCheck: boolean('has_health_check'),
    hasImmunisations: boolean('has_immunisations'),
    hasTeethCheck: boolean('has_teeth_check'),
    hasHealthAssessment: boolean('has_health_assessment'),
    hasSubstanceMisuse: boolean('has_substance_misuse'),
    hasInterventionReceived: boolean('has_intervention_received'),
    hasInterventionOffered: boolean('has_intervention_offered'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const careLeaverOutcomes = pgTable(
  'care_leaver_outcomes',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    collectionYear: integer('collection_year').notNull(),
    contact: text('contact').notNull(),
    activity: text('activity').notNull(),
    accommodation: text('accommodation').notNull(),
    isAccommodationSuitable: boolean('is_accommodation_suitable'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const socialWorkerRefs = pgTable(
  'social_worker_refs',
  {
    authorityId: uuid('authority_id').notNull(),
    userId: uuid('user_id').notNull(),
    socialWorkerRef: text('social_worker_ref').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.userId] })],
)

export const scorecardThresholds = pgTable(
  'scorecard_thresholds',
  {
    ...versionedColumns(),
    a1Days: integer('a1_days').notNull(),
    a2Days: integer('a2_days').notNull(),
    a3Months: integer('a3_months').notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)
