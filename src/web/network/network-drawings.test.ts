import { describe, expect, it } from 'vitest'
import { ecomapSvg, genogramSvg, type DrawnPerson } from './network-drawings.ts'

const person = (over: Partial<DrawnPerson>): DrawnPerson => ({
  id: 'p',
  name: 'Someone',
  relationship: 'mother',
  relationshipLabel: 'Mother',
  sex: 'female',
  isDeceased: false,
  holdsParentalResponsibility: true,
  closeness: 'close',
  sideOfFamily: 'maternal',
  ageText: null,
  culturalText: 'Irish, Roman Catholic',
  organisation: null,
  ...over,
})
const child = { name: 'Wren <Puddleby>', sex: 'female' as const, ageText: 'Age 6', culturalText: null }

describe('the genogram and ecomap', () => {
  const svg = genogramSvg(
    child,
    [
      person({ id: 'm' }),
      person({ id: 'f', relationship: 'father', relationshipLabel: 'Father', sex: 'male', sideOfFamily: 'paternal' }),
      person({ id: 'g', relationship: 'grandparent', relationshipLabel: 'Grandparent', sex: 'male', isDeceased: true }),
      person({ id: 't', relationship: 'teacher', relationshipLabel: 'Teacher', sex: null }),
    ],
    [{ name: 'Alder', kindLabel: 'Full', livesTogether: false }],
  )

  it('uses the standard symbols: circle female, square male, a cross for someone who has died, double outline for the child', () => {
    expect(svg.match(/<rect /g)).toHaveLength(2)
    expect(svg.match(/<circle /g)).toHaveLength(3)
    expect(svg).toContain('class="app-genogram__deceased"')
    expect(svg).toContain('Lives apart')
    expect(svg).not.toContain('Teacher')
  })

  it('has a title and description, escapes names, and carries no inline styles (CSP style-src self)', () => {
    expect(svg).toContain('role="img"')
    expect(svg).toContain('<title id="genogram-title">Cultural genogram of Wren &lt;Puddleby&gt;</title>')
    expect(svg).not.toMatch(/style=|<style/)
    const ecomap = ecomapSvg(child, [
      person({ id: 't', relationship: 'teacher', relationshipLabel: 'Teacher', closeness: 'distant' }),
    ])
    expect(ecomap).toContain('stroke-dasharray="8 6"')
    expect(ecomap).toContain('Teacher')
    expect(ecomap).not.toMatch(/style=|<style/)
  })
})
