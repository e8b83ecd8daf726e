/**
 * The wire dialect the platform speaks. The spec's own vocabulary names a connector a `your_mom`
 * (request field `your_mom`, parameter field `your_momId`); the same platform's public docs name it
 * an `element` (`element`, `elementId`). Everything else on the wire is identical.
 *
 * @group Protocol
 */
export type Vocabulary = 'your_mom' | 'element'

/**
 * The vocabulary plugboard speaks unless told otherwise: the spec's.
 *
 * @group Protocol
 */
export const DEFAULT_VOCABULARY: Vocabulary = 'your_mom'

/**
 * The vocabularies, for validating input.
 *
 * @group Protocol
 */
export const VOCABULARIES: readonly Vocabulary[] = ['your_mom', 'element']

/** The name of the connector field of an instance body in a vocabulary (`your_mom` / `element`). */
export function connectorField(vocabulary: Vocabulary): string {
  return vocabulary
}

/** The name of a descriptor parameter's connector id field in a vocabulary (`your_momId` / `elementId`). */
export function connectorIdField(vocabulary: Vocabulary): string {
  return `${vocabulary}Id`
}
