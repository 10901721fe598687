import type { AdoptionScorecardView } from '../../app/returns/view-adoption-scorecard.ts'
import { cohortLabel } from '../../domain/returns/scorecard.ts'
import { collectionYearLabel, type CollectionYear } from '../../domain/returns/collection-year.ts'

const days = (value: number | null) => (value === null ? 'None counted' : `${value} days`)

function status(isWithin: boolean | null) {
  return isWithin === null
    ? { text: 'No children counted', classes: 'govuk-tag--grey' }
    : isWithin
      ? { text: 'Within threshold', classes: 'govuk-tag--green' }
      : { text: 'Above threshold', classes: 'govuk-tag--red' }
}

/** A bar of the chart: its label, value and threshold, in SVG units. */
interface Bar {
  readonly label: string
  readonly value: number
  readonly threshold: number
  readonly y: number
  readonly width: number
  readonly thresholdX: number
}

const CHART = { left: 60, width: 520, rowHeight: 44, top: 10 }

/**
 * What the adoption scorecard section prints: the measures against the thresholds, each child's measures, and a
 * bar chart of the averages (with the table as its text alternative).
 * @param view - the scorecard
 * @param cohortYears - the cohorts the user can pick (by last collection year)
 * @returns the values the partial prints
 */
export function adoptionScorecardViewModel(view: AdoptionScorecardView, cohortYears: readonly CollectionYear[]) {
  const { cohort, thresholds } = view
  const averages: [string, number | null, number][] = [
    ['A1', cohort.a1.averageDays, thresholds.a1Days],
    ['A10', cohort.a10.averageDays, thresholds.a1Days],
    ['A2', cohort.a2.averageDays, thresholds.a2Days],
  ]
  const shown = averages.filter((row): row is [string, number, number] => row[1] !== null)
  const scale = Math.max(1, ...shown.flatMap(([, value, threshold]) => [value, threshold])) * 1.1
  const bars: Bar[] = shown.map(([label, value, threshold], index) => ({
    label,
    value,
    threshold,
    y: CHART.top + index * CHART.rowHeight,
    width: Math.max(1, Math.round((value / scale) * CHART.width)),
    thresholdX: CHART.left + Math.round((threshold / scale) * CHART.width),
  }))
  return {
    label: cohortLabel(cohort),
    toYear: cohort.toYear,
    cohorts: cohortYears.map(year => ({
      value: String(year),
      text: `${collectionYearLabel(year - 2)} to ${collectionYearLabel(year)}`,
      selected: year === cohort.toYear,
    })),
    isDefaultThresholds: view.isDefaultThresholds,
    thresholds,
    childrenAdopted: cohort.childrenAdopted,
    measures: [
      {
        code: 'A1',
        name: 'Average days from entering care to moving in with the adoptive family',
        value: days(cohort.a1.averageDays),
        threshold: `${thresholds.a1Days} days`,
        status: status(cohort.a1.isWithinThreshold),
        children: cohort.a1.children,
      },
      {
        code: 'A10',
        name: 'A1, counting from moving in with the foster carers who adopted',
        value: days(cohort.a10.averageDays),
        threshold: `${thresholds.a1Days} days`,
        status: status(cohort.a10.isWithinThreshold),
        children: cohort.a10.children,
      },
      {
        code: 'A2',
        name: 'Average days from the placement order to the match with adopters',
        value: days(cohort.a2.averageDays),
        threshold: `${thresholds.a2Days} days`,
        status: status(cohort.a2.isWithinThreshold),
        children: cohort.a2.children,
      },
      {
        code: 'A3',
        name: `Children who moved in within ${thresholds.a3Months} months of entering care`,
        value:
          cohort.a3.percentage === null
            ? 'None counted'
            : `${cohort.a3.percentage}% (${cohort.a3.within} of ${cohort.a3.children})`,
        threshold: 'Not set',
        status: null,
        children: cohort.a3.children,
      },
    ],
    chart:
      bars.length === 0
        ? null
        : {
            width: CHART.left + CHART.width + 20,
            height: CHART.top * 2 + bars.length * CHART.rowHeight,
            left: CHART.left,
            barHeight: CHART.rowHeight - 16,
            bars,
          },
    children: cohort.children.map(child => ({
      laChildId: child.laChildId,
      enteredCareOn: child.enteredCareOn,
      placedOn: child.placedOn,
      adoptionOrderOn: child.adoptionOrderOn,
      a1: child.a1Days === null ? (child.exclusions.a1 ?? 'Excluded') : String(child.a1Days),
      a10: child.a10Days === null ? (child.exclusions.a10 ?? 'Excluded') : String(child.a10Days),
      a2: child.a2Days === null ? (child.exclusions.a2 ?? 'Excluded') : String(child.a2Days),
      a3: child.a3IsWithinThreshold === null ? 'Excluded' : child.a3IsWithinThreshold ? 'Yes' : 'No',
    })),
  }
}
