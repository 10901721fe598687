import { describe, expect, it } from 'vitest'
import { checkPassword } from './password-policy.ts'

const denyList = new Set(['password', 'qwertyuiop', 'iloveyou', 'correcthorse', 'password1234'])

describe('password policy (security SEC-04)', () => {
  it.each([
    ['eleven chars', 'abcdefghxyz', ['password-too-short']],
    ['129 characters', 'x'.repeat(60) + 'y'.repeat(69), ['password-too-long']],
    ['a listed password', 'Password1234', ['password-common']],
    ['a listed password with digits added', 'qwertyuiop12', ['password-common']],
    ['a listed password with symbols either side', '!!iloveyou!!!!', ['password-common']],
    ['a listed passphrase with spaces', 'correct horse', ['password-common']],
    ['one character repeated', 'aaaaaaaaaaaaaaa', ['password-repetitive']],
    ['a simple run', 'abcdefghijklmn', ['password-repetitive']],
    ['a simple descending run', 'zyxwvutsrqpo', ['password-repetitive']],
    ['the email address', 'sam.jones@example.test', ['password-contains-account']],
    ['the name', 'my name is Jones ok', ['password-contains-account']],
  ])('refuses %s', (_name, password, problems) => {
    expect(checkPassword(password, denyList, { email: 'sam.jones@example.test', displayName: 'Sam Jones' })).toEqual(
      problems,
    )
  })

  it.each([
    ['a long passphrase', 'correct horse battery staple'],
    ['twelve characters exactly', 'kq7!mZ0p#Lw2'],
    ['128 characters', 'the quick brown fox '.repeat(6) + 'jumps ov'],
    ['another script (counted in code points)', 'пароль-очень-длинный'],
    ['no uppercase, digits or symbols at all', 'umbrellapottingshedmarch'],
  ])('accepts %s', (_name, password) => {
    expect(checkPassword(password, denyList, { email: 'sam.jones@example.test', displayName: 'Sam Jones' })).toEqual([])
  })

  it('counts length after normalisation, in code points', () => {
    expect(checkPassword('🙂'.repeat(5) + 'abcdefg', denyList)).toEqual([])
    expect(checkPassword('🙂'.repeat(11), denyList)).toEqual(['password-too-short'])
  })
})
