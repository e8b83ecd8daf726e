import { createRegistry } from '@plugboard/core/define'
import { shippedConnectors } from '@plugboard/sandbox/shipped-connectors'

/** The connectors this app ships with: every connector package plugboard ships. */
export const registry = createRegistry(shippedConnectors)

/** The type of the app's registry. */
export type AppRegistry = typeof registry
