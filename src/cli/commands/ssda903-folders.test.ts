import { describe, expect, it } from 'vitest'
import { FolderProblem, foldersWithYears, parseCollectionYear, yearFromFolderName } from './ssda903-folders.ts'

describe('the collection year of an SSDA903 folder', () => {
  it.each([
    ['2025-26', 2026],
    ['ssda903_2025_26', 2026],
    ['returns 2024/25'.replace('/', '-'), 2025],
    ['202223', 2023],
    ['2026', 2026],
    ['SSDA903 2027 final', 2027],
  ])('reads %s as %i (the year named by its end)', (name, year) => {
    expect(yearFromFolderName(name)).toBe(year)
  })

  it.each(['returns', '2025-27', '2024 and 2025', 'copy-2025-26-of-2024-25'])('cannot tell from "%s"', name => {
    expect(yearFromFolderName(name)).toBeUndefined()
  })

  it('takes --year values in folder order, in either notation', () => {
    expect(parseCollectionYear('2025/26')).toBe(2026)
    expect(foldersWithYears(['a', 'b'], ['2024-25', '2026'])).toEqual([
      { folder: 'a', year: 2025 },
      { folder: 'b', year: 2026 },
    ])
  })

  it('refuses a folder whose year it cannot tell, a year count that does not match, and years it has no lists for', () => {
    expect(() => foldersWithYears(['returns'], [])).toThrow(/name it like 2025-26/)
    expect(() => foldersWithYears(['a', 'b'], ['2026'])).toThrow(FolderProblem)
    expect(() => foldersWithYears(['2009-10'], [])).toThrow(/reads 2016\/17 to 2026\/27/)
  })
})
