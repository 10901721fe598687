import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { zipFiles } from './zip-files.ts'

describe('zipFiles', () => {
  it('writes an archive another ZIP reader opens, with every file and its exact content', async () => {
    const long = 'CHILD,DECOM\r\n'.repeat(5000)
    const bytes = zipFiles([
      { name: 'header.csv', data: 'CHILD,SEX\r\nA1,M\r\n' },
      { name: 'previous-year/episodes.csv', data: long },
      { name: 'empty.csv', data: '' },
      { name: 'binary.bin', data: new Uint8Array([0, 255, 7]) },
    ])
    const zip = await JSZip.loadAsync(bytes)
    expect(Object.keys(zip.files).sort()).toEqual([
      'binary.bin',
      'empty.csv',
      'header.csv',
      'previous-year/episodes.csv',
    ])
    expect(await zip.file('header.csv')!.async('string')).toBe('CHILD,SEX\r\nA1,M\r\n')
    expect(await zip.file('previous-year/episodes.csv')!.async('string')).toBe(long)
    expect(await zip.file('empty.csv')!.async('string')).toBe('')
    expect([...(await zip.file('binary.bin')!.async('uint8array'))]).toEqual([0, 255, 7])
    expect(bytes.length).toBeLessThan(long.length / 10)
  })

  it('gives the same bytes for the same files', () => {
    const files = [{ name: 'a.csv', data: 'x' }]
    expect(Buffer.from(zipFiles(files)).equals(Buffer.from(zipFiles(files)))).toBe(true)
  })
})
