import { describe, expect, it } from 'vitest'
import { AUDIT_DOMAINS } from '../../domain/audits/audit-domains.ts'
import { computeLearningBrief } from '../../domain/audits/learning-brief.ts'
import { goodOrBetterChart, gradesChart, sanitiseChartSvg } from './learning-brief-chart.ts'

const brief = computeLearningBrief(
  [
    {
      audit: Object.fromEntries(AUDIT_DOMAINS.map(d => [d, { grade: 'good', evidence: 'e', improvement: 'i' }])),
      moderation: null,
      isChosenForModeration: false,
    },
  ],
  null,
)

describe('learning brief charts', () => {
  it('hold no style element or attribute (CSP style-src self), and are named images', () => {
    for (const svg of [goodOrBetterChart(brief, true), gradesChart(brief)]) {
      expect(svg).not.toMatch(/<style/)
      expect(svg).not.toMatch(/\sstyle="/)
      expect(svg).toMatch(/^<svg role="img" aria-label="[^"]+"/)
      expect(svg).toContain('Assessment')
    }
  })

  it('turns inline styles into presentation attributes and drops the rest', () => {
    expect(
      sanitiseChartSvg(
        '<svg ><style>.a{}</style><text style="font-size:12px;cursor:pointer;fill:#000">x</text></svg>',
        'A chart',
      ),
    ).toBe(
      '<svg role="img" aria-label="A chart" focusable="false" class="app-brief-chart" ><text font-size="12px" fill="#000">x</text></svg>',
    )
  })
})
