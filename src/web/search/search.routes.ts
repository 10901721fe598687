import { searchChildren } from '../../app/children/search-children.ts'
import { authoriseAuthority } from '../../app/shared/run-operation.ts'
import { caseloadRows } from '../caseload/caseload.view-model.ts'
import { paths } from '../paths.ts'
import { formField, type WebPage } from '../web-route.ts'

// Searches are posted, so no child's name ever appears in a URL, a browser history or a proxy log (SEC-09).
export const searchPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: paths.search(),
    policy: 'children:search',
    audit: 'SEARCH_PAGE_VIEWED',
    handle: op => {
      authoriseAuthority(op, 'children:search')
      return Promise.resolve({ template: 'search/search.njk', context: { query: '' } })
    },
  },
  {
    method: 'POST',
    url: paths.search(),
    policy: 'children:search',
    audit: 'CHILDREN_SEARCHED',
    handle: async (op, request) => {
      const query = formField(request, 'q').trim()
      if (query.length < 2) {
        authoriseAuthority(op, 'children:search')
        const text = query === '' ? 'Enter a name or case number' : 'Enter at least 2 characters'
        return {
          status: 400,
          template: 'search/search.njk',
          context: { query, errors: [{ text, href: '#q' }], fieldErrors: { q: { text } } },
        }
      }
      const results = await searchChildren(op, query.slice(0, 100))
      return { template: 'search/search.njk', context: { query, results: caseloadRows(results, op.today) } }
    },
  },
]
