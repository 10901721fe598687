import { describe, expect, it } from 'vitest'
import { domainError } from '../../domain/shared/result.ts'
import { ErrorList } from './form-data.ts'

describe('ErrorList', () => {
  it('names the date a rule refuses when the form labels the field, and says "the date" when it does not', () => {
    const labelled = new ErrorList().withLabels({
      occurredOn: { noun: 'the date of the session', name: 'Date of the session' },
      endedOn: { noun: 'the date the plan ended', name: 'Date the plan ended' },
    })
    labelled.addDomainErrors([
      domainError('date-in-future', ['occurredOn']),
      domainError('end-before-start', ['endedOn']),
    ])
    expect(labelled.all).toEqual([
      { text: 'Date of the session must be today or in the past', href: '#occurredOn-day' },
      { text: 'Date the plan ended must be after the start date', href: '#endedOn-day' },
    ])
    const unlabelled = new ErrorList()
    unlabelled.addDomainErrors([domainError('date-in-future', ['occurredOn'])])
    expect(unlabelled.all).toEqual([{ text: 'The date must be today or in the past', href: '#occurredOn-day' }])
  })
})
