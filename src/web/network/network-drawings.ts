/**
 * The cultural genogram and the ecomap, drawn on the server as SVG (issue 7). Standard genogram symbols: a square
 * for a male, a circle for a female, a diamond when not known; a cross through the symbol for someone who has died;
 * a double outline for the child; a horizontal line joining parents with their children hanging from it. The ecomap
 * puts the child in the middle and the professionals, carers and community around them, the line showing how close
 * the connection is (thick for very close, dashed for distant, zig-zag for conflicted).
 *
 * Our Content-Security-Policy is `style-src 'self'`, so the drawings carry no style attributes and no <style>
 * element: only presentation attributes (fill, stroke, stroke-width, stroke-dasharray) and classes styled by our
 * Sass. Every drawing has a title and description, and the page shows the same facts as a table (WCAG 2.2 1.1.1).
 */

export interface DrawnPerson {
  readonly id: string
  readonly name: string
  readonly relationship: string
  readonly relationshipLabel: string
  readonly sex: 'female' | 'male' | 'unknown' | null
  readonly isDeceased: boolean
  readonly holdsParentalResponsibility: boolean
  readonly closeness: string | null
  readonly sideOfFamily: string | null
  readonly ageText: string | null
  /** Culture, religion and language, joined. */
  readonly culturalText: string | null
  readonly organisation: string | null
}

export interface DrawnChild {
  readonly name: string
  readonly sex: 'female' | 'male' | 'unknown'
  readonly ageText: string
  readonly culturalText: string | null
}

export interface DrawnSibling {
  readonly name: string
  readonly kindLabel: string
  readonly livesTogether: boolean | null
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const GENERATION: Record<string, number> = {
  grandparent: 0,
  mother: 1,
  father: 1,
  'step-parent': 1,
  'parent-partner': 1,
  aunt: 1,
  uncle: 1,
  'sibling-adult': 2,
  cousin: 2,
}

/** Relationships drawn on the genogram (family); the rest go on the ecomap. */
export function isOnGenogram(relationship: string): boolean {
  return relationship in GENERATION
}

const SIZE = 36
const COLUMN = 150
const ROW = 140
const TOP = 40

function symbol(x: number, y: number, sex: string | null, classes: string, isChild = false): string {
  const half = SIZE / 2
  const shape = (inset: number) => {
    const h = half - inset
    if (sex === 'male') {
      return `<rect x="${x - h}" y="${y - h}" width="${2 * h}" height="${2 * h}" fill="#ffffff" stroke="#0b0c0c" stroke-width="2" class="${classes}"/>`
    }
    if (sex === 'female') {
      return `<circle cx="${x}" cy="${y}" r="${h}" fill="#ffffff" stroke="#0b0c0c" stroke-width="2" class="${classes}"/>`
    }
    return `<polygon points="${x},${y - h} ${x + h},${y} ${x},${y + h} ${x - h},${y}" fill="#ffffff" stroke="#0b0c0c" stroke-width="2" class="${classes}"/>`
  }
  return isChild ? shape(0) + shape(5) : shape(0)
}

function cross(x: number, y: number): string {
  const h = SIZE / 2
  return `<path d="M${x - h} ${y - h} L${x + h} ${y + h} M${x + h} ${y - h} L${x - h} ${y + h}" stroke="#0b0c0c" stroke-width="2" class="app-genogram__deceased"/>`
}

function labels(x: number, y: number, lines: readonly (string | null)[]): string {
  return lines
    .filter((line): line is string => line !== null && line !== '')
    .map(
      (line, i) =>
        `<text x="${x}" y="${y + SIZE / 2 + 16 + i * 15}" text-anchor="middle" font-size="${i === 0 ? 13 : 11}" fill="#0b0c0c" class="app-genogram__label">${escape(line.length > 26 ? `${line.slice(0, 25)}…` : line)}</text>`,
    )
    .join('')
}

const sideOrder = (side: string | null) => (side === 'maternal' ? 0 : side === 'paternal' ? 2 : 1)

/** Left to right in a generation: the mother's side, the parents in the middle, the father's side. */
function positionInRow(p: DrawnPerson): number {
  const parent = { mother: 1, 'step-parent': 2, 'parent-partner': 2, father: 3 }[p.relationship]
  if (parent !== undefined) {
    return parent
  }
  return p.sideOfFamily === 'maternal' ? 0 : p.sideOfFamily === 'paternal' ? 4 : 5
}

/**
 * The cultural genogram: three generations around the child.
 * @param child - the child
 * @param people - the child's family (others are left out)
 * @param siblings - brothers and sisters who are children in our records
 * @returns the SVG
 */
export function genogramSvg(
  child: DrawnChild,
  people: readonly DrawnPerson[],
  siblings: readonly DrawnSibling[],
): string {
  const family = people.filter(p => isOnGenogram(p.relationship))
  const rows: {
    key: string
    sex: string | null
    lines: (string | null)[]
    deceased: boolean
    isChild: boolean
    side: string | null
    relationship: string
  }[][] = [[], [], []]
  for (const p of [...family].sort(
    (a, b) => positionInRow(a) - positionInRow(b) || sideOrder(a.sideOfFamily) - sideOrder(b.sideOfFamily),
  )) {
    rows[GENERATION[p.relationship]!]!.push({
      key: p.id,
      sex: p.sex,
      lines: [
        p.name,
        `${p.relationshipLabel}${p.holdsParentalResponsibility ? ' (PR)' : ''}`,
        p.ageText,
        p.culturalText,
      ],
      deceased: p.isDeceased,
      isChild: false,
      side: p.sideOfFamily,
      relationship: p.relationship,
    })
  }
  const childRow = rows[2]!
  childRow.push({
    key: 'child',
    sex: child.sex,
    lines: [child.name, 'The child', child.ageText, child.culturalText],
    deceased: false,
    isChild: true,
    side: null,
    relationship: 'child',
  })
  for (const s of siblings) {
    childRow.push({
      key: `sibling-${s.name}`,
      sex: null,
      lines: [
        s.name,
        `${s.kindLabel} sibling`,
        s.livesTogether === false ? 'Lives apart' : s.livesTogether ? 'Lives together' : null,
      ],
      deceased: false,
      isChild: false,
      side: null,
      relationship: 'sibling',
    })
  }
  const width = Math.max(3, ...rows.map(r => r.length)) * COLUMN
  const height = TOP + 3 * ROW
  const positions = new Map<string, { x: number; y: number }>()
  const parts: string[] = []
  rows.forEach((row, generation) => {
    const offset = (width - row.length * COLUMN) / 2 + COLUMN / 2
    row.forEach((node, i) => positions.set(node.key, { x: offset + i * COLUMN, y: TOP + generation * ROW }))
  })
  // Family lines: the parents joined, the child and siblings hanging from the join; grandparents to their child.
  const parents = rows[1]!.filter(n => ['mother', 'father', 'step-parent', 'parent-partner'].includes(n.relationship))
  const lines: string[] = []
  if (parents.length > 0) {
    const xs = parents.map(p => positions.get(p.key)!.x)
    const y = TOP + ROW
    const mid = (Math.min(...xs) + Math.max(...xs)) / 2
    if (parents.length > 1) {
      lines.push(
        `<path d="M${Math.min(...xs)} ${y} L${Math.max(...xs)} ${y}" stroke="#0b0c0c" stroke-width="2" fill="none"/>`,
      )
    }
    const dropY = TOP + ROW + (ROW - SIZE) / 2 + 20
    const hanging = childRow.filter(
      n => n.isChild || n.relationship === 'sibling' || n.relationship === 'sibling-adult',
    )
    const childXs = hanging.map(n => positions.get(n.key)!.x)
    lines.push(
      `<path d="M${mid} ${y + (parents.length > 1 ? 0 : SIZE / 2)} L${mid} ${dropY}" stroke="#0b0c0c" stroke-width="2" fill="none"/>`,
    )
    lines.push(
      `<path d="M${Math.min(mid, ...childXs)} ${dropY} L${Math.max(mid, ...childXs)} ${dropY}" stroke="#0b0c0c" stroke-width="2" fill="none"/>`,
    )
    for (const x of childXs) {
      lines.push(
        `<path d="M${x} ${dropY} L${x} ${TOP + 2 * ROW - SIZE / 2}" stroke="#0b0c0c" stroke-width="2" fill="none"/>`,
      )
    }
  }
  for (const gp of rows[0]!) {
    const from = positions.get(gp.key)!
    const target =
      rows[1]!.find(n => ['mother', 'father'].includes(n.relationship) && n.side === gp.side) ??
      (gp.side === 'maternal'
        ? rows[1]!.find(n => n.relationship === 'mother')
        : rows[1]!.find(n => n.relationship === 'father'))
    if (target) {
      const to = positions.get(target.key)!
      lines.push(
        `<path d="M${from.x} ${from.y + SIZE / 2} L${to.x} ${to.y - SIZE / 2}" stroke="#505a5f" stroke-width="1.5" fill="none"/>`,
      )
    }
  }
  parts.push(...lines)
  for (const row of rows) {
    for (const node of row) {
      const { x, y } = positions.get(node.key)!
      parts.push(
        symbol(
          x,
          y,
          node.sex,
          node.isChild ? 'app-genogram__symbol app-genogram__symbol--child' : 'app-genogram__symbol',
          node.isChild,
        ),
      )
      if (node.deceased) {
        parts.push(cross(x, y))
      }
      parts.push(labels(x, y, node.lines))
    }
  }
  const description = `${family.length} relatives and ${siblings.length} brothers and sisters around ${child.name}. The table below gives the same information.`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="genogram-title genogram-desc" class="app-genogram" focusable="false"><title id="genogram-title">Cultural genogram of ${escape(child.name)}</title><desc id="genogram-desc">${escape(description)}</desc>${parts.join('')}</svg>`
}

/** How a closeness is drawn: stroke width and dash pattern. */
const LINE: Record<string, { width: number; dash: string | null }> = {
  'very-close': { width: 5, dash: null },
  close: { width: 3, dash: null },
  'some-contact': { width: 1.5, dash: null },
  distant: { width: 1.5, dash: '8 6' },
  conflicted: { width: 2, dash: '2 4 10 4' },
  'no-contact': { width: 1, dash: '2 6' },
}

/**
 * The ecomap: the child in the middle, everyone who is not on the genogram around them.
 * @param child - the child
 * @param people - the child's network (family on the genogram is left out)
 * @returns the SVG
 */
export function ecomapSvg(child: DrawnChild, people: readonly DrawnPerson[]): string {
  const around = people.filter(p => !isOnGenogram(p.relationship))
  const size = 640
  const centre = size / 2
  const radius = 220
  const parts: string[] = []
  around.forEach((p, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, around.length) - Math.PI / 2
    const x = Math.round(centre + radius * Math.cos(angle))
    const y = Math.round(centre + radius * Math.sin(angle))
    const line = LINE[p.closeness ?? 'some-contact'] ?? LINE['some-contact']!
    parts.push(
      `<path d="M${centre} ${centre} L${x} ${y}" stroke="#1d70b8" stroke-width="${line.width}"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''} fill="none" class="app-ecomap__line"/>`,
    )
    parts.push(
      `<circle cx="${x}" cy="${y}" r="42" fill="#f3f2f1" stroke="#0b0c0c" stroke-width="1.5" class="app-ecomap__node"/>`,
    )
    const text = [p.name, p.relationshipLabel, p.organisation].filter((t): t is string => t !== null && t !== '')
    text.forEach((t, j) =>
      parts.push(
        `<text x="${x}" y="${y - 8 + j * 14}" text-anchor="middle" font-size="${j === 0 ? 12 : 10}" fill="#0b0c0c" class="app-ecomap__label">${escape(t.length > 20 ? `${t.slice(0, 19)}…` : t)}</text>`,
      ),
    )
  })
  parts.push(
    `<circle cx="${centre}" cy="${centre}" r="52" fill="#ffffff" stroke="#0b0c0c" stroke-width="3" class="app-ecomap__child"/>`,
  )
  parts.push(
    `<text x="${centre}" y="${centre + 5}" text-anchor="middle" font-size="14" font-weight="bold" fill="#0b0c0c">${escape(child.name.length > 18 ? `${child.name.slice(0, 17)}…` : child.name)}</text>`,
  )
  const description = `${around.length} carers, professionals and community contacts around ${child.name}. Thicker lines are closer connections; dashed lines are distant; broken zig-zag lines are conflicted. The table below gives the same information.`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="100%" role="img" aria-labelledby="ecomap-title ecomap-desc" class="app-ecomap" focusable="false"><title id="ecomap-title">Ecomap of ${escape(child.name)}</title><desc id="ecomap-desc">${escape(description)}</desc>${parts.join('')}</svg>`
}
