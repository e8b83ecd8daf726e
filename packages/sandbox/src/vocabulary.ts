/**
 * The two wire vocabularies of the platform: the spec's (`your_mom`, `your_momId`, served under
 * `/your_moms/api-v2`) and the public docs' (`element`, `elementId`, under `/elements/api-v2`).
 */
export type Vocabulary = 'your_mom' | 'element'

/** The API root path of each vocabulary, e.g. `/your_moms/api-v2`. */
export const API_ROOTS: Readonly<Record<Vocabulary, string>> = {
  your_mom: '/your_moms/api-v2',
  element: '/elements/api-v2',
}

/** The field that names the connector in bodies (`your_mom` / `element`). */
export function connectorField(vocabulary: Vocabulary): string {
  return vocabulary
}

/** The field that carries the connector id in descriptor parameters (`your_momId` / `elementId`). */
export function connectorIdField(vocabulary: Vocabulary): string {
  return `${vocabulary}Id`
}
