/**
 * Charts drawn on the server as SVG by Apache ECharts (server-side rendering, no JavaScript in the browser), made
 * safe for our Content Security Policy (`style-src 'self'`): ECharts writes a `<style>` element (for hover and
 * animation) and `style="…"` attributes, which the policy blocks. The styles it writes are plain SVG presentation
 * properties, so each becomes the matching presentation attribute, and the `<style>` element (empty rules for
 * animations we do not use) is dropped. Every chart has a title and description for assistive technology, and the
 * page shows the same figures as a table (WCAG 2.2 1.1.1).
 */
import * as echarts from 'echarts'

/** Presentation attributes SVG accepts, which ECharts writes as inline styles. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'dominant-baseline',
  'text-anchor',
  'paint-order',
])

const escapeAttribute = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/**
 * Turns `style="a:b;c:d"` into `a="b" c="d"` for presentation properties; drops the rest.
 * @param svg - ECharts' SVG
 * @returns the SVG without inline styles or a style element
 */
export function withoutInlineStyles(svg: string): string {
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '').replace(/ style="([^"]*)"/g, (_, declarations: string) =>
    declarations
      .split(';')
      .map(declaration => declaration.split(':').map(part => part.trim()))
      .filter(([name, value]) => name !== undefined && value !== undefined && PRESENTATION.has(name))
      .map(([name, value]) => ` ${name}="${value!.replaceAll('"', "'")}"`)
      .join(''),
  )
}

export interface ChartRequest {
  /** A page-unique id for the chart's title and description. */
  readonly id: string
  readonly title: string
  /** One or two sentences saying what the chart shows; the table beside it has the figures. */
  readonly description: string
  readonly width: number
  readonly height: number
  readonly option: echarts.EChartsCoreOption
}

/** The GOV.UK palette, in the order series take it. */
export const CHART_COLOURS = ['#1d70b8', '#f47738', '#00703c', '#d4351c', '#4c2c92', '#505a5f', '#28a197', '#912b88']

/**
 * Renders a chart as SVG text ready to print on a page.
 * @param request - the chart
 * @returns the SVG element
 */
export function renderChart(request: ChartRequest): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: request.width,
    height: request.height,
  })
  try {
    chart.setOption({
      animation: false,
      color: CHART_COLOURS,
      textStyle: { fontFamily: 'Arial, sans-serif', fontSize: 14, color: '#0b0c0c' },
      ...request.option,
    })
    const svg = withoutInlineStyles(chart.renderToSVGString())
    const titleId = `${request.id}-title`
    const descriptionId = `${request.id}-description`
    return svg.replace(
      /^<svg([^>]*)>/,
      (_, attributes: string) =>
        `<svg${attributes.replace(/ (width|height|viewBox)="[^"]*"/g, '')} class="app-chart" role="img" focusable="false" ` +
        `viewBox="0 0 ${request.width} ${request.height}" width="${request.width}" height="${request.height}" ` +
        `aria-labelledby="${titleId} ${descriptionId}">` +
        `<title id="${titleId}">${escapeAttribute(request.title)}</title>` +
        `<desc id="${descriptionId}">${escapeAttribute(request.description)}</desc>`,
    )
  } finally {
    chart.dispose()
  }
}

// Charts drawn lately, by what they were drawn from: a chart is a pure function of its figures, and drawing one with
// ECharts costs milliseconds, so a page whose figures have not changed (the authority dashboard's daily snapshot, the
// latest learning brief) reuses its SVG (ADR 0093).
const CHART_CACHE_SIZE = 32
const chartCache = new Map<string, unknown>()

/**
 * Draws charts once for the same figures and reuses them after (the least recently drawn are forgotten first).
 * @param key - what the charts are drawn from (figures, or the id and version of what holds them)
 * @param draw - draws them
 * @returns the charts
 */
export function cachedCharts<T>(key: string, draw: () => T): T {
  if (chartCache.has(key)) {
    const charts = chartCache.get(key) as T
    chartCache.delete(key)
    chartCache.set(key, charts)
    return charts
  }
  const charts = draw()
  if (chartCache.size >= CHART_CACHE_SIZE) {
    chartCache.delete(chartCache.keys().next().value as string)
  }
  chartCache.set(key, charts)
  return charts
}
