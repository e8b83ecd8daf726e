import { chargebee } from '@plugboard/connector-chargebee'
import { chargify } from '@plugboard/connector-chargify'
import { stripe } from '@plugboard/connector-stripe'
import { createRegistry } from '@plugboard/core'

/** The connectors this app ships with: one `register` call per connector package it depends on. */
export const registry = createRegistry().register(chargebee).register(stripe).register(chargify)

/** The type of the app's registry. */
export type AppRegistry = typeof registry
