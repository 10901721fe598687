// Every page of the planning area (issue 4): the plan, its editor and steps, meetings and actions, panels and
// agency decisions, and documents. The web interface registers this list.
import type { WebPage } from '../web-route.ts'
import { documentPages } from '../documents/documents.routes.ts'
import { meetingPages } from '../meetings/meetings.routes.ts'
import { planPages } from './plan.routes.ts'

export const planningPages: readonly WebPage[] = [...planPages, ...meetingPages, ...documentPages]
