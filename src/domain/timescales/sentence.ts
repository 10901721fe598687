/**
 * Reasons of items that apply are written to start with a capital letter or a number ("20 working days after …"),
 * so an explanation is its clauses plus a full stop, without re-reading the text (a unit test checks every rule).
 * Not-applicable reasons are often shared clauses ("the child stopped being looked after …"), so are capitalised.
 */

/**
 * A reason as a sentence: first letter capitalised, full stop added.
 * @param text - the reason
 * @returns the sentence
 */
export function capitalisedSentence(text: string): string {
  const first = text.charCodeAt(0)
  return first >= 97 && first <= 122 ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : `${text}.`
}
