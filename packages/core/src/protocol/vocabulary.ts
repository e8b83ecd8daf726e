/**
 * The wire dialect the platform speaks. The spec's own vocabulary names a connector a `your_mom`
 * (request field `your_mom`, parameter field `your_momId`, API root `/your_moms/api-v2`); the same
 * platform's public docs name it an `element` (`element`, `elementId`, `/elements/api-v2`).
 * Everything else on the wire is identical.
 *
 * @group Provisioning
 */
export type Vocabulary = 'your_mom' | 'element'

/** The vocabulary plugboard speaks unless told otherwise: the spec's. */
export const DEFAULT_VOCABULARY: Vocabulary = 'your_mom'

/** Every vocabulary, for validating input. */
export const VOCABULARIES: readonly Vocabulary[] = ['your_mom', 'element']

/** The API root path of each vocabulary, e.g. `/your_moms/api-v2`. */
export const API_ROOTS: Readonly<Record<Vocabulary, string>> = {
  your_mom: '/your_moms/api-v2',
  element: '/elements/api-v2',
}

/** The field that names the connector in instance bodies (`your_mom` / `element`). */
export function connectorField(vocabulary: Vocabulary): string {
  return vocabulary
}

/** The field that carries the connector id in descriptor parameters (`your_momId` / `elementId`). */
export function connectorIdField(vocabulary: Vocabulary): string {
  return `${vocabulary}Id`
}
