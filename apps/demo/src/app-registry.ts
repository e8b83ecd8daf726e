import { chargebee } from '@plugboard/connector-chargebee'
import { createRegistry } from '@plugboard/core'

/** The connectors this app ships with: one `register` call per connector package it depends on. */
export const registry = createRegistry().register(chargebee)

/** The type of the app's registry. */
export type AppRegistry = typeof registry
