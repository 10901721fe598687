import { describe, expect, test } from 'vitest'
import type { CollectionYear } from './collection-year.ts'
import { parseSsda903Files } from './parse-files.ts'
import { stitchSsda903Years, type ImportYear } from './stitch-years.ts'

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'

/** A year of returns from header rows and episode rows (CSV lines without the header). */
function year(y: CollectionYear, headers: string[], episodes: string[]): ImportYear {
  const parsed = parseSsda903Files(
    [
      { name: 'header.csv', text: [HEADER, ...headers].join('\n') },
      { name: 'episodes.csv', text: [EPISODES, ...episodes].join('\n') },
    ],
    { year: y },
  )
  expect(parsed.errors).toEqual([])
  return { year: y, tables: parsed.tables }
}

const alex = 'T001,M,01/06/2015,WBRI,UN1,,'
const sam = 'T002,F,01/06/2016,WBRI,UN1,0,'
const samEpisode = 'T002,01/05/2024,S,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001'

describe('stitchSsda903Years', () => {
  test('an episode repeated across years is one episode; the later return closes it', () => {
    const { children, problems } = stitchSsda903Years([
      year(2025, [alex], ['T001,01/05/2024,S,C1,N1,U6,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001']),
      year(
        2026,
        [alex],
        [
          'T001,01/05/2024,S,C1,N1,U6,PR1,01/06/2025,X1,,ZZ99 1ZZ,ZZ99 1AA,SC000001',
          'T001,01/06/2025,L,C2,N1,U6,PR1,01/09/2025,E4A,,ZZ99 1ZZ,ZZ99 1AA,SC000001',
        ],
      ),
    ])
    expect(problems).toEqual([])
    const child = children[0]!
    expect(child.periodsOfCare.map(p => [p.startedOn, p.endedOn, p.reasonEnded, p.categoryOfNeed])).toEqual([
      ['2024-05-01', '2025-09-01', 'returned-home-planned', 'N1'],
    ])
    expect(child.legalStatuses.map(s => [s.status, s.startedOn, s.endedOn])).toEqual([
      ['interim-care-order', '2024-05-01', '2025-06-01'],
      ['care-order', '2025-06-01', '2025-09-01'],
    ])
    expect(child.placements.map(p => [p.placementType, p.startedOn, p.endedOn])).toEqual([
      ['foster-other', '2024-05-01', '2025-09-01'],
    ])
    expect(child.years).toEqual([2025, 2026])
  })

  test('a later return that changes a closed episode wins, and the change is reported with its reason', () => {
    const { children, problems } = stitchSsda903Years([
      year(2025, [alex], ['T001,01/05/2024,S,C2,N1,U6,PR1,01/02/2025,E4A,,ZZ99 1ZZ,ZZ99 1AA,SC000001']),
      year(2026, [alex], ['T001,01/05/2024,S,C2,N1,U6,PR1,01/04/2025,E4A,,ZZ99 1ZZ,ZZ99 1AA,SC000001']),
    ])
    expect(children[0]?.periodsOfCare[0]?.endedOn).toBe('2025-04-01')
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'closed-episode-changed',
        severity: 'warning',
        year: 2026,
        row: 2,
        laChildId: 'T001',
      }),
    ])
    expect(problems[0]?.message).toContain('changes its endedOn')
  })

  test('with the "reject" policy, that change rejects the child whole', () => {
    const { children, problems } = stitchSsda903Years(
      [
        year(2025, [alex], ['T001,01/05/2024,S,C2,N1,U6,PR1,01/02/2025,E4A,,ZZ99 1ZZ,ZZ99 1AA,SC000001']),
        year(2026, [alex], ['T001,01/05/2024,S,C2,N1,U6,PR1,01/04/2025,E4A,,ZZ99 1ZZ,ZZ99 1AA,SC000001']),
      ],
      { closedEpisodeChanges: 'reject' },
    )
    expect(children).toEqual([])
    expect(problems.map(p => [p.kind, p.severity])).toEqual([['closed-episode-changed', 'fatal']])
  })

  test.each([
    {
      kind: 'episodes-overlap',
      episodes: [
        'T001,01/05/2024,S,C2,N1,U6,PR1,01/08/2024,X1,CARPL,ZZ99 1ZZ,ZZ99 1AA,SC000001',
        'T001,01/07/2024,P,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1BB,SC000002',
      ],
    },
    {
      kind: 'x1-without-continuation',
      episodes: ['T001,01/05/2024,S,C2,N1,U6,PR1,01/08/2024,X1,CARPL,ZZ99 1ZZ,ZZ99 1AA,SC000001'],
    },
    {
      kind: 'open-episode-not-last',
      episodes: [
        'T001,01/05/2024,S,C2,N1,U6,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001',
        'T001,01/08/2024,P,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1BB,SC000002',
      ],
    },
    {
      kind: 'new-period-without-s',
      episodes: [
        'T001,01/05/2024,S,C2,N1,U6,PR1,01/08/2024,E4A,,ZZ99 1ZZ,ZZ99 1AA,SC000001',
        'T001,01/10/2024,P,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1BB,SC000002',
      ],
    },
  ])('a broken chain ($kind) rejects the child whole; other children still come in', ({ kind, episodes }) => {
    const { children, problems } = stitchSsda903Years([year(2025, [alex, sam], [...episodes, samEpisode])])
    expect(children.map(c => c.laChildId)).toEqual(['T002'])
    expect(problems.filter(p => p.severity === 'fatal').map(p => [p.laChildId, p.kind])).toContainEqual(['T001', kind])
  })

  test('a period already under way in the earliest return starts at its earliest episode, with a warning', () => {
    const { children, problems } = stitchSsda903Years([
      year(2025, [alex], ['T001,01/03/2024,P,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001']),
    ])
    expect(children[0]?.periodsOfCare[0]?.startedOn).toBe('2024-03-01')
    expect(problems.map(p => [p.kind, p.severity])).toEqual([['period-start-before-earliest-return', 'warning']])
  })

  test('an open episode that a later return leaves out is dropped, and reported', () => {
    const { children, problems } = stitchSsda903Years([
      year(
        2025,
        [alex],
        [
          'T001,01/05/2024,S,C2,N1,U6,PR1,01/03/2025,X1,CARPL,ZZ99 1ZZ,ZZ99 1AA,SC000001',
          'T001,01/03/2025,P,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1BB,SC000002',
        ],
      ),
      year(2026, [alex], ['T001,01/05/2024,S,C2,N1,U6,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001']),
    ])
    expect(problems.map(p => p.kind)).toEqual(['closed-episode-changed', 'episode-dropped-by-later-return'])
    expect(children[0]?.placements.map(p => p.placementType)).toEqual(['foster-other'])
  })

  test('changed child details: the later return is used and the change reported', () => {
    const { children, problems } = stitchSsda903Years([
      year(2025, [alex], [samEpisode.replace('T002', 'T001')]),
      year(2026, ['T001,M,02/06/2015,WBRI,UN1,,'], [samEpisode.replace('T002', 'T001')]),
    ])
    expect(children[0]?.details.dateOfBirthOn).toBe('2015-06-02')
    expect(problems.map(p => [p.kind, p.table, p.row])).toEqual([['child-details-changed', 'Header', 2]])
  })

  test('RNE T keeps the same (placeholder) carer across the placements', () => {
    const { children } = stitchSsda903Years([
      year(
        2025,
        [alex],
        [
          'T001,01/05/2024,S,C2,N1,U6,PR1,01/08/2024,X1,PLACE,ZZ99 1ZZ,ZZ99 1AA,SC000001',
          'T001,01/08/2024,T,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001',
        ],
      ),
    ])
    const [first, second] = children[0]!.placements
    expect(first?.carerPersonId).not.toBeNull()
    expect(second?.carerPersonId).toBe(first?.carerPersonId)
    expect(first?.reasonEnded).toBe('status-change')
    expect(children[0]?.carers.length).toBe(1)
  })

  test('the order the years are given in does not matter, and ids are stable', () => {
    const a = year(2025, [alex], ['T001,01/05/2024,S,C1,N1,U6,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001'])
    const b = year(2026, [alex], ['T001,01/05/2024,S,C1,N1,U6,PR1,01/06/2025,E4A,,ZZ99 1ZZ,ZZ99 1AA,SC000001'])
    expect(stitchSsda903Years([b, a])).toEqual(stitchSsda903Years([a, b]))
    expect(stitchSsda903Years([a]).children[0]?.periodsOfCare[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  test('episodes for a child with no Header row reject the child', () => {
    const { children, problems } = stitchSsda903Years([
      year(2025, [sam], [samEpisode, samEpisode.replace('T002', 'T009')]),
    ])
    expect(children.map(c => c.laChildId)).toEqual(['T002'])
    expect(problems.map(p => [p.laChildId, p.kind, p.severity])).toEqual([['T009', 'missing-header', 'fatal']])
  })

  test('previous permanence with no new period that year is reported and ignored', () => {
    const parsed = parseSsda903Files(
      [
        { name: 'h.csv', text: [HEADER, alex].join('\n') },
        { name: 'e.csv', text: [EPISODES, 'T001,01/03/2024,S,C2,N1,U4,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001'].join('\n') },
        { name: 'p.csv', text: 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nT001,01/06/2015,Z1,,\n' },
      ],
      { year: 2025 },
    )
    const { children, problems } = stitchSsda903Years([{ year: 2025, tables: parsed.tables }])
    expect(problems.map(p => [p.kind, p.table])).toEqual([['previous-permanence-without-new-period', 'PrevPerm']])
    expect(children[0]?.periodsOfCare[0]?.previousPermanence).toBeNull()
  })

  test('a category of need that changes within a period is reported; the first is kept (rule 504)', () => {
    const { children, problems } = stitchSsda903Years([
      year(
        2025,
        [alex],
        [
          'T001,01/05/2024,S,C1,N1,U6,PR1,01/08/2024,X1,,ZZ99 1ZZ,ZZ99 1AA,SC000001',
          'T001,01/08/2024,L,C2,N2,U6,PR1,,,,ZZ99 1ZZ,ZZ99 1AA,SC000001',
        ],
      ),
    ])
    expect(children[0]?.periodsOfCare[0]?.categoryOfNeed).toBe('N1')
    expect(problems.map(p => p.kind)).toEqual(['category-of-need-changed'])
  })
})
