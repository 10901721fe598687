/**
 * Writes a demo authority's case-file audits (generate-demo-audits.ts) after its planning, in one transaction as the
 * system user: the rounds, their cases (with the assignments that let auditors see the children of the open round),
 * and every grade.
 */
import { setChangeReason, type Database } from '../../db/client.ts'
import {
  endRoundAssignments,
  insertCases,
  insertGrading,
  insertRound,
  listSampleCandidates,
} from '../../db/repositories/audits-repository.ts'
import { loadUsers } from '../../db/repositories/organisation-repository.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { generateDemoAudits } from './generate-demo-audits.ts'
import { seededRandom } from './random.ts'

/**
 * Builds and writes the demo's audit rounds.
 * @param db - the database
 * @param input - the authority, its system user, the two QA auditors, the seed and the day
 * @param input.authorityId - the authority
 * @param input.systemUserId - the user the demo writes as
 * @param input.leadId - the demo QA auditor (lead)
 * @param input.secondAuditorId - the second QA auditor
 * @param input.seed - the random seed
 * @param input.today - the day the demo is as of
 */
export async function seedDemoAudits(
  db: Database,
  input: {
    readonly authorityId: string
    readonly systemUserId: string
    readonly leadId: string
    readonly secondAuditorId: string
    readonly seed: number
    readonly today: CalendarDay
  },
): Promise<void> {
  await db.withAuthority({ authorityId: input.authorityId, userId: input.systemUserId }, async tx => {
    await setChangeReason(tx, 'Demo data')
    const context = { authorityId: input.authorityId, userId: input.systemUserId, now: new Date() }
    const demo = generateDemoAudits(seededRandom(input.seed), {
      candidates: await listSampleCandidates(tx, input.today),
      leadId: input.leadId,
      secondAuditorId: input.secondAuditorId,
      today: input.today,
    })
    for (const { round, cases } of demo.rounds) {
      await insertRound(tx, context, round)
      await insertCases(tx, context, cases)
      if (round.status === 'closed') {
        await endRoundAssignments(tx, round.id, context.now)
      }
    }
    const names = new Map((await loadUsers(tx, [input.leadId, input.secondAuditorId])).map(u => [u.id, u.displayName]))
    const sequences = new Map<string, number>()
    for (const grading of demo.gradings) {
      const key = `${grading.auditCase.id}:${grading.stage}`
      const sequence = (sequences.get(key) ?? 0) + 1
      sequences.set(key, sequence)
      await insertGrading(tx, context, grading.auditCase, {
        stage: grading.stage,
        roundId: grading.auditCase.roundId,
        caseId: grading.auditCase.id,
        sequence,
        isSubmitted: true,
        judgements: grading.judgements,
        changeReason: '',
        recordedById: grading.recordedById,
        recordedByName: names.get(grading.recordedById) ?? 'Auditor',
        recordedOn: grading.recordedOn,
      } as never)
    }
  })
}
