/**
 * A generated document as adapters send it: bytes, type and a file name that names no child (no personal data in
 * URLs or download names, security §7; the child's name is inside the document).
 */
export type DocumentFormat = 'pdf' | 'docx'

export interface DocumentFile {
  readonly body: Buffer
  readonly contentType: string
  readonly name: string
}

const CONTENT_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/**
 * Wraps rendered bytes as a file.
 * @param body - the bytes
 * @param format - PDF or DOCX
 * @param baseName - the file name without extension (e.g. `permanence-plan-NS1234-v2`)
 * @returns the file
 */
export function documentFile(body: Buffer, format: DocumentFormat, baseName: string): DocumentFile {
  return { body, contentType: CONTENT_TYPES[format], name: `${baseName}.${format}` }
}
