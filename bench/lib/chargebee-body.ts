import { chargebee } from '@plugboard/connector-chargebee'

/** The Chargebee configuration every provisioning benchmark sends (the connector's sample). */
export const configuration = { ...chargebee.sample }

/** Tags every benchmark instance gets. */
export const tags = ['bench', 'chargebee']

/**
 * The `POST /instances` body the plugboard client sends for the n-th instance (spec vocabulary),
 * built by hand: what a raw `fetch` sends to provision the same instance.
 */
export function provisionBody(index: number): string {
  return JSON.stringify(provisionObject(index))
}

/** The same body as an object (what ky is given as `json`, as the client gives it). */
export function provisionObject(index: number): object {
  return {
    your_mom: { key: chargebee.key },
    configuration,
    tags,
    name: `bench-${index}`,
  }
}
