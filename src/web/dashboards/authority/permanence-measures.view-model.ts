/**
 * The authority dashboard's permanence sections: figures, charts (ECharts, drawn on the server) and the tables that
 * are their text alternatives.
 */
import type { AuthorityMeasures } from '../../../domain/dashboards/authority-measures.ts'
import { formatCalendarDay } from '../../../domain/shared/calendar-day.ts'
import { renderChart } from '../../charts/svg-chart.ts'

const AXIS_LABEL = { color: '#0b0c0c', fontSize: 14 }

/**
 * @param measures - the measures
 * @returns what the partial prints
 */
export function permanenceMeasuresViewModel(measures: AuthorityMeasures) {
  const { timeToPermanence, optionsMix, trends } = measures
  const routes = timeToPermanence.byRoute
  const timeChart =
    routes.length === 0
      ? null
      : renderChart({
          id: 'time-to-permanence-chart',
          title: 'Median days from coming into care to permanence, by route',
          description: `Permanence achieved since ${formatCalendarDay(timeToPermanence.from)}: the table below gives the figures.`,
          width: 640,
          height: 60 + routes.length * 44,
          option: {
            grid: { left: 230, right: 60, top: 10, bottom: 40 },
            xAxis: { type: 'value', name: 'days', nameLocation: 'middle', nameGap: 26, axisLabel: AXIS_LABEL },
            yAxis: {
              type: 'category',
              inverse: true,
              data: routes.map(r => r.label),
              axisLabel: { ...AXIS_LABEL, width: 210, overflow: 'break' },
            },
            series: [
              {
                type: 'bar',
                data: routes.map(r => r.medianDays),
                label: { show: true, position: 'right', color: '#0b0c0c' },
                barMaxWidth: 28,
              },
            ],
          },
        })
  const mixChart =
    optionsMix.length === 0
      ? null
      : renderChart({
          id: 'options-mix-chart',
          title: 'Primary permanence plan of the children in care today',
          description: 'Number of children by their primary plan; the table below gives the figures.',
          width: 640,
          height: 60 + optionsMix.length * 40,
          option: {
            grid: { left: 230, right: 60, top: 10, bottom: 40 },
            xAxis: {
              type: 'value',
              name: 'children',
              nameLocation: 'middle',
              nameGap: 26,
              minInterval: 1,
              axisLabel: AXIS_LABEL,
            },
            yAxis: {
              type: 'category',
              inverse: true,
              data: optionsMix.map(o => o.label),
              axisLabel: { ...AXIS_LABEL, width: 210, overflow: 'break' },
            },
            series: [
              {
                type: 'bar',
                data: optionsMix.map(o => o.children),
                label: { show: true, position: 'right', color: '#0b0c0c' },
                barMaxWidth: 24,
              },
            ],
          },
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
    routes,
    optionsMix,
    trends,
    charts: { time: timeChart, mix: mixChart, trend: trendChart },
  }
}
