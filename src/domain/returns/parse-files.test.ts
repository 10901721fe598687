import { describe, expect, test } from 'vitest'
import { parseSsda903Files, type ParseErrorCode } from './parse-files.ts'

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB'
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN'

describe('parseSsda903Files: identifying tables', () => {
  test('tables are known by their column set, whatever the file name or column order', () => {
    const { tables, errors } = parseSsda903Files(
      [
        {
          name: 'whatever.csv',
          text: 'DOB,CHILD,SEX,ETHNIC,UPN,MOTHER,MC_DOB\n01/06/2015,t001,m,wbri,a123456789012,,\n',
        },
        { name: 'x.csv', text: 'CHILD,DOB,REVIEW,REVIEW_CODE\nT001,01/06/2015,20/05/2025,pn1\n' },
      ],
      { year: 2026 },
    )
    expect(errors).toEqual([])
    expect(tables.Header).toEqual([
      {
        row: 2,
        values: {
          DOB: '01/06/2015',
          CHILD: 'T001',
          SEX: 'M',
          ETHNIC: 'WBRI',
          UPN: 'A123456789012',
          MOTHER: null,
          MC_DOB: null,
        },
      },
    ])
    expect(tables.Reviews?.[0]?.values.REVIEW_CODE).toBe('PN1')
  })

  test('a byte-order mark and CRLF line ends are accepted', () => {
    const { tables, errors } = parseSsda903Files(
      [{ name: 'h.csv', text: `\uFEFF${HEADER}\r\nT001,M,01/06/2015,WBRI,UN1,,\r\n` }],
      { year: 2026 },
    )
    expect(errors).toEqual([])
    expect(tables.Header?.length).toBe(1)
  })
})

interface Case {
  readonly name: string
  readonly code: ParseErrorCode
  readonly text: string
  readonly row: number | null
  readonly column: string | null
  readonly year?: number
}

const cases: Case[] = [
  {
    name: 'a date not in dd/mm/yyyy',
    code: 'bad-date',
    text: `${HEADER}\nT001,M,2015-06-01,WBRI,UN1,,\n`,
    row: 2,
    column: 'DOB',
  },
  {
    name: 'an impossible date',
    code: 'bad-date',
    text: `${HEADER}\nT001,M,01/06/2015,WBRI,UN1,,\nT002,F,30/02/2016,WBRI,UN1,0,\n`,
    row: 3,
    column: 'DOB',
  },
  {
    name: 'a code not valid in the year (Z11 in 2024/25)',
    code: 'unknown-code',
    year: 2025,
    text: `${EPISODES}\nT001,01/05/2024,S,C2,N1,Z11,,,,,,,\n`,
    row: 2,
    column: 'PLACE',
  },
  {
    name: 'a code not valid in the year (SEX 1 in 2025/26)',
    code: 'unknown-code',
    text: `${HEADER}\nT001,1,01/06/2015,WBRI,UN1,,\n`,
    row: 2,
    column: 'SEX',
  },
  {
    name: 'a blank where the return needs a value',
    code: 'blank-required',
    text: `${HEADER}\nT001,M,01/06/2015,,UN1,,\n`,
    row: 2,
    column: 'ETHNIC',
  },
  {
    name: 'a flag other than 0 or 1',
    code: 'bad-flag',
    text: `${HEADER}\nT001,F,01/06/2015,WBRI,UN1,Y,\n`,
    row: 2,
    column: 'MOTHER',
  },
  {
    name: 'a missing column',
    code: 'missing-column',
    text: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER\nT001,M,01/06/2015,WBRI,UN1,\n',
    row: 1,
    column: 'MC_DOB',
  },
  {
    name: 'an unexpected column',
    code: 'unexpected-column',
    text: `${HEADER},NAME\nT001,M,01/06/2015,WBRI,UN1,,,ALEX\n`,
    row: 1,
    column: 'NAME',
  },
  {
    name: 'a table the year does not have (DoLo before 2026/27)',
    code: 'table-not-in-year',
    text: 'CHILD,DOB,DOLO_START,DOLO_END\nT001,01/06/2015,01/06/2025,\n',
    row: 1,
    column: null,
  },
  {
    name: 'an unclosed quote',
    code: 'malformed-csv',
    text: `${HEADER}\nT001,M,"01/06/2015,WBRI,UN1,,\n`,
    row: null,
    column: null,
  },
  {
    name: 'a row with too many cells',
    code: 'malformed-csv',
    text: `${HEADER}\nT001,M,01/06/2015,WBRI,UN1,,,EXTRA\n`,
    row: null,
    column: null,
  },
  { name: 'columns that match no table', code: 'unknown-table', text: 'NAME,AGE\nALEX,9\n', row: 1, column: null },
  {
    name: 'a previous permanence date with bad unknown parts',
    code: 'bad-date',
    text: 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nT001,01/06/2015,P1,202,XX/05/2020\n',
    row: 2,
    column: 'DATE_PERM',
  },
]

describe('parseSsda903Files: malformed files are refused with row and column named', () => {
  test.each(cases)('$name', ({ code, text, row, column, year }) => {
    const { tables, errors } = parseSsda903Files([{ name: 'bad.csv', text }], { year: year ?? 2026 })
    expect(Object.keys(tables)).toEqual([])
    const error = errors.find(e => e.code === code)
    expect(error).toBeDefined()
    expect(error?.file).toBe('bad.csv')
    if (row !== null) {
      expect(error?.row).toBe(row)
    }
    expect(error?.column).toBe(column)
    if (row !== null && row > 1) {
      expect(error?.message).toContain(`Row ${row}, column ${column}`)
    }
  })

  test('one bad file does not stop the good ones', () => {
    const { tables, errors } = parseSsda903Files(
      [
        { name: 'good.csv', text: 'CHILD,DOB,REVIEW,REVIEW_CODE\nT001,01/06/2015,20/05/2025,PN1\n' },
        { name: 'bad.csv', text: `${HEADER}\nT001,M,2015-06-01,WBRI,UN1,,\n` },
      ],
      { year: 2026 },
    )
    expect(Object.keys(tables)).toEqual(['Reviews'])
    expect(errors.map(e => e.file)).toEqual(['bad.csv'])
  })

  test('a second file for the same table is refused', () => {
    const text = 'CHILD,DOB,REVIEW,REVIEW_CODE\nT001,01/06/2015,20/05/2025,PN1\n'
    const { errors } = parseSsda903Files(
      [
        { name: 'a.csv', text },
        { name: 'b.csv', text },
      ],
      { year: 2026 },
    )
    expect(errors.map(e => [e.file, e.code])).toEqual([['b.csv', 'duplicate-table']])
  })

  test('without a year, a code valid in any year is accepted', () => {
    const { errors } = parseSsda903Files([{ name: 'h.csv', text: `${HEADER}\nT001,1,01/06/2015,WBRI,UN1,,\n` }])
    expect(errors).toEqual([])
  })
})
