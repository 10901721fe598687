/**
 * Learning brief charts drawn on the server as SVG with echarts (no JavaScript in the browser). Our CSP is
 * `style-src 'self'`, so the SVG may hold no `<style>` element and no `style=""` attribute: echarts' inline styles
 * are turned into SVG presentation attributes (font-size, font-family, font-weight, fill, opacity …) by the shared
 * `withoutInlineStyles`, and anything else is dropped. Each chart has a name for assistive technology and, on the page, a table with the same figures.
 */
import * as echarts from 'echarts'
import type { LearningBrief } from '../../domain/audits/learning-brief.ts'
import { withoutInlineStyles } from '../charts/svg-chart.ts'

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/**
 * Makes echarts' SVG safe under our content security policy (the styles become presentation attributes, as for every
 * chart: src/web/charts/svg-chart.ts) and named for assistive technology.
 * @param svg - the SVG from echarts
 * @param label - what the chart shows, in a sentence
 * @returns the SVG with no style element or attribute
 */
export function sanitiseChartSvg(svg: string, label: string): string {
  return withoutInlineStyles(svg)
    .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\sclass="zr\d+-cls-\d+"/g, '')
    .replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" class="app-brief-chart" `,
    )
}

const BLUE = '#1d70b8'
const GREY = '#505a5f'
const TEXT = '#0b0c0c'

/**
 * A bar chart of the share of audits judged good or better in each domain, this round against the previous round.
 * @param brief - the brief
 * @param hasPrevious - whether there is a previous round to show
 * @returns the SVG
 */
export function goodOrBetterChart(brief: LearningBrief, hasPrevious: boolean): string {
  const domains = brief.domains
  const height = 60 + domains.length * (hasPrevious ? 44 : 30)
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height })
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Arial, sans-serif', color: TEXT, fontSize: 14 },
    grid: { left: 250, right: 60, top: 40, bottom: 30 },
    legend: {
      show: hasPrevious,
      top: 0,
      left: 250,
      textStyle: { color: TEXT, fontSize: 14 },
      data: hasPrevious ? ['This round', 'Previous round'] : ['This round'],
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { formatter: '{value}%', color: TEXT },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: domains.map(d => d.label),
      axisLabel: { color: TEXT, fontSize: 14 },
    },
    series: [
      {
        name: 'This round',
        type: 'bar',
        itemStyle: { color: BLUE },
        label: { show: true, position: 'right', formatter: '{c}%', color: TEXT },
        data: domains.map(d => d.percentGood ?? 0),
      },
      ...(hasPrevious
        ? [
            {
              name: 'Previous round',
              type: 'bar',
              itemStyle: { color: GREY },
              label: { show: true, position: 'right', formatter: '{c}%', color: TEXT },
              data: domains.map(d => d.previousPercentGood ?? 0),
            },
          ]
        : []),
    ],
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return sanitiseChartSvg(
    svg,
    `Bar chart: the share of audits judged good or better in each of the ${domains.length} domains${hasPrevious ? ', this round against the previous round' : ''}. The same figures are in the table that follows.`,
  )
}

/**
 * A stacked bar chart of the grades given in each domain.
 * @param brief - the brief
 * @returns the SVG
 */
export function gradesChart(brief: LearningBrief): string {
  const domains = brief.domains
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 80 + domains.length * 30 })
  const grades = [
    ['outstanding', 'Outstanding', '#00703c'],
    ['good', 'Good', '#1d70b8'],
    ['requires-improvement', 'Requires improvement', '#b58840'],
    ['inadequate', 'Inadequate', '#d4351c'],
  ] as const
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Arial, sans-serif', color: TEXT, fontSize: 14 },
    grid: { left: 250, right: 30, top: 50, bottom: 30 },
    legend: { top: 0, left: 250, textStyle: { color: TEXT, fontSize: 14 }, data: grades.map(g => g[1]) },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: domains.map(d => d.label),
      axisLabel: { color: TEXT, fontSize: 14 },
    },
    series: grades.map(([key, name, color]) => ({
      name,
      type: 'bar',
      stack: 'grades',
      itemStyle: { color },
      data: domains.map(d => d.counts[key]),
    })),
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return sanitiseChartSvg(
    svg,
    'Stacked bar chart: how many audits gave each grade in each domain. The same figures are in the table that follows.',
  )
}
