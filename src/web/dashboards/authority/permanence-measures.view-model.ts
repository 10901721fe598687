/**
 * The authority dashboard's permanence sections: figures, charts (ECharts, drawn on the server) and the tables that
 * are their text alternatives.
 */
import type { AuthorityMeasures } from '../../../domain/dashboards/authority-measures.ts'
import { formatCalendarDay } from '../../../domain/shared/calendar-day.ts'
import { cachedCharts, renderChart } from '../../charts/svg-chart.ts'

const AXIS_LABEL = { color: '#0b0c0c', fontSize: 14 }

/**
 * A horizontal bar chart with a labelled value at the end of each bar.
 * @param chart - the chart's id, title, description, unit and bars
 * @param chart.id - a page-unique id
 * @param chart.title - the title
 * @param chart.description - what it shows
 * @param chart.unit - the value axis's name
 * @param chart.bars - one bar per category, top first
 * @returns the SVG
 */
function horizontalBars(chart: {
  id: string
  title: string
  description: string
  unit: string
  bars: readonly { label: string; value: number }[]
}): string {
  return renderChart({
    id: chart.id,
    title: chart.title,
    description: chart.description,
    width: 640,
    height: 60 + chart.bars.length * 42,
    option: {
      grid: { left: 230, right: 60, top: 10, bottom: 40 },
      xAxis: {
        type: 'value',
        name: chart.unit,
        nameLocation: 'middle',
        nameGap: 26,
        minInterval: 1,
        axisLabel: AXIS_LABEL,
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: chart.bars.map(bar => bar.label),
        axisLabel: { ...AXIS_LABEL, width: 210, overflow: 'break' },
      },
      series: [
        {
          type: 'bar',
          data: chart.bars.map(bar => bar.value),
          label: { show: true, position: 'right', color: '#0b0c0c' },
          barMaxWidth: 28,
        },
      ],
    },
  })
}

interface PermanenceCharts {
  readonly time: string | null
  readonly mix: string | null
  readonly trend: string
}

/**
 * @param measures - the measures
 * @param snapshot - the snapshot they come from, if any (its charts are drawn once and kept)
 * @param snapshot.authorityId - its authority
 * @param snapshot.computedAt - when it was computed
 * @returns what the partial prints
 */
export function permanenceMeasuresViewModel(
  measures: AuthorityMeasures,
  snapshot?: { authorityId: string; computedAt: Date },
) {
  const { timeToPermanence } = measures
  // A snapshot never changes, so its charts are drawn once per process.
  const charts = snapshot
    ? cachedCharts(`authority-dashboard ${snapshot.authorityId} ${snapshot.computedAt.toISOString()}`, () =>
        permanenceCharts(measures),
      )
    : permanenceCharts(measures)
  return {
    figures: [
      { id: 'in-care', value: measures.childrenInCare, label: 'children in care today' },
      { id: 'with-plan', value: measures.childrenInCareWithPlan, label: 'of them with a permanence plan' },
      {
        id: 'no-contingency',
        value: measures.childrenInCareWithoutViableContingency,
        label: 'with a plan that records no viable contingency',
        isWarning: measures.childrenInCareWithoutViableContingency > 0,
      },
      {
        id: 'median-days',
        value: timeToPermanence.medianDays === null ? 'None' : `${timeToPermanence.medianDays} days`,
        label: `median time to permanence (${timeToPermanence.children} children since ${formatCalendarDay(timeToPermanence.from)})`,
      },
    ],
    from: formatCalendarDay(timeToPermanence.from),
    routes: timeToPermanence.byRoute,
    optionsMix: measures.optionsMix,
    trends: measures.trends,
    charts,
  }
}

/**
 * Draws the three charts (ECharts on the server).
 * @param measures - the measures
 * @returns the SVGs
 */
function permanenceCharts(measures: AuthorityMeasures): PermanenceCharts {
  const { timeToPermanence, optionsMix, trends } = measures
  const routes = timeToPermanence.byRoute
  const timeChart =
    routes.length === 0
      ? null
      : horizontalBars({
          id: 'time-to-permanence-chart',
          title: 'Median days from coming into care to permanence, by route',
          description: `Permanence achieved since ${formatCalendarDay(timeToPermanence.from)}: the table below gives the figures.`,
          unit: 'days',
          bars: routes.map(r => ({ label: r.label, value: r.medianDays })),
        })
  const mixChart =
    optionsMix.length === 0
      ? null
      : horizontalBars({
          id: 'options-mix-chart',
          title: 'Primary permanence plan of the children in care today',
          description: 'Number of children by their primary plan; the table below gives the figures.',
          unit: 'children',
          bars: optionsMix.map(o => ({ label: o.label, value: o.children })),
        })
  const trendChart = renderChart({
    id: 'trends-chart',
    title: 'Children looked after, coming into care and achieving permanence, by quarter',
    description: 'Three lines over the last eight complete quarters; the table below gives the figures.',
    width: 640,
    height: 320,
    option: {
      legend: { top: 0, textStyle: AXIS_LABEL },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      xAxis: {
        type: 'category',
        data: trends.map(t => t.label),
        axisLabel: { ...AXIS_LABEL, fontSize: 12, rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
      series: [
        {
          name: 'Looked after at quarter end',
          type: 'line',
          data: trends.map(t => t.lookedAfterAtEnd),
          symbol: 'circle',
        },
        { name: 'Came into care', type: 'line', data: trends.map(t => t.cameIntoCare), symbol: 'rect' },
        { name: 'Permanence achieved', type: 'line', data: trends.map(t => t.permanenceAchieved), symbol: 'triangle' },
      ],
    },
  })
  return { time: timeChart, mix: mixChart, trend: trendChart }
}
