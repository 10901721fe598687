import { boolean, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { day, versionedColumns } from './columns.ts'

/** A care-proceedings extension under CA89 s.32(5), held inside the proceedings row. */
export interface ProceedingsExtensionRow {
  grantedOn: string
  weeks: number
  reason?: string | null
}

export const children = pgTable(
  'children',
  {
    ...versionedColumns(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirthOn: day('date_of_birth_on').notNull(),
    sex: text('sex').notNull(),
    ethnicity: text('ethnicity').notNull(),
    firstLanguage: text('first_language'),
    needsInterpreter: boolean('needs_interpreter').notNull().default(false),
    religion: text('religion'),
    hasDisability: boolean('has_disability').notNull().default(false),
    disabilityDetails: text('disability_details'),
    communicationNeeds: text('communication_needs'),
    localCaseNumber: text('local_case_number').notNull(),
    upn: text('upn'),
    isUnaccompaniedAsylumSeeker: boolean('is_unaccompanied_asylum_seeker').notNull().default(false),
    isMother: boolean('is_mother'),
    firstChildBornOn: day('first_child_born_on'),
    // 0050 (returns): UASC DUC.
    uascCeasedOn: day('uasc_ceased_on'),
    dateOfDeathOn: day('date_of_death_on'),
    teamId: uuid('team_id'),
    allocatedWorkerId: uuid('allocated_worker_id'),
    allocatedIroId: uuid('allocated_iro_id'),
    sensitivity: text('sensitivity').notNull().default('normal'),
    restrictionCategory: text('restriction_category'),
    restrictionOwnerId: uuid('restriction_owner_id'),
    restrictionReviewOn: day('restriction_review_on'),
    restrictionPermittedUserIds: uuid('restriction_permitted_user_ids').array().notNull().default([]),
    earliestDestructionOn: day('earliest_destruction_on'),
    legalHold: boolean('legal_hold').notNull().default(false),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const periodsOfCare = pgTable(
  'periods_of_care',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
    reasonEnded: text('reason_ended'),
    categoryOfNeed: text('category_of_need'),
    previousPermanence: text('previous_permanence'),
    previousPermanenceAuthority: text('previous_permanence_authority'),
    previousPermanenceOn: text('previous_permanence_on'),
    // 0050 (returns): 903 HOME_POST.
    homePostcode: text('home_postcode'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const legalStatuses = pgTable(
  'legal_statuses',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    status: text('status').notNull(),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const people = pgTable(
  'people',
  {
    ...versionedColumns(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirthOn: day('date_of_birth_on'),
    sex: text('sex'),
    isLocalAuthorityFosterCarer: boolean('is_local_authority_foster_carer').notNull().default(false),
    isApprovedAdopter: boolean('is_approved_adopter').notNull().default(false),
    organisation: text('organisation'),
    postcode: text('postcode'),
    culture: text('culture'),
    religion: text('religion'),
    language: text('language'),
    isDeceased: boolean('is_deceased').notNull().default(false),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const childRelationships = pgTable(
  'child_relationships',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    personId: uuid('person_id').notNull(),
    relationship: text('relationship').notNull(),
    holdsParentalResponsibility: boolean('holds_parental_responsibility').notNull().default(false),
    notes: text('notes'),
    closeness: text('closeness'),
    strengths: text('strengths'),
    risks: text('risks'),
    sideOfFamily: text('side_of_family'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const placements = pgTable(
  'placements',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    placementType: text('placement_type').notNull(),
    carerPersonId: uuid('carer_person_id'),
    providerName: text('provider_name'),
    providerType: text('provider_type'),
    postcode: text('postcode'),
    ofstedUrn: text('ofsted_urn'),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
    reasonEnded: text('reason_ended'),
    isIntendedUntilEighteen: boolean('is_intended_until_eighteen').notNull().default(false),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const statutoryReviews = pgTable(
  'statutory_reviews',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    heldOn: day('held_on').notNull(),
    participation: text('participation'),
    chairedById: uuid('chaired_by_id'),
    broughtForwardReason: text('brought_forward_reason'),
    notes: text('notes'),
    broughtForwardKind: text('brought_forward_kind'),
    consideredStayingPut: boolean('considered_staying_put').notNull().default(false),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const careProceedings = pgTable(
  'care_proceedings',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    issuedOn: day('issued_on').notNull(),
    court: text('court'),
    courtCaseNumber: text('court_case_number'),
    finalCarePlanFilingOn: day('final_care_plan_filing_on'),
    concludedOn: day('concluded_on'),
    outcome: text('outcome'),
    extensions: jsonb('extensions').$type<ProceedingsExtensionRow[]>().notNull().default([]),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const legalOrders = pgTable(
  'legal_orders',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    orderType: text('order_type').notNull(),
    madeOn: day('made_on').notNull(),
    endedOn: day('ended_on'),
    holderPersonIds: uuid('holder_person_ids').array().notNull().default([]),
    court: text('court'),
    notes: text('notes'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const siblingLinks = pgTable(
  'sibling_links',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    siblingChildId: uuid('sibling_child_id').notNull(),
    kind: text('kind').notNull(),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const workerAllocations = pgTable(
  'worker_allocations',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    teamId: uuid('team_id'),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
    reasonEnded: text('reason_ended'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)

export const livingArrangements = pgTable(
  'living_arrangements',
  {
    ...versionedColumns(),
    childId: uuid('child_id').notNull(),
    personId: uuid('person_id').notNull(),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
  },
  t => [primaryKey({ columns: [t.authorityId, t.id] })],
)
