// Progressive enhancement only: every page works without this script. It starts the GOV.UK and MoJ components
// (sortable tables, filters, error summary focus) once the browser is known to support them.
import { initAll as initGovuk } from '/assets/js/govuk-frontend.min.js'
import { initAll as initMoj } from '/assets/js/moj-frontend.min.js'

initGovuk()
initMoj()
