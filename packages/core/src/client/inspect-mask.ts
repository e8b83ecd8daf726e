import type { AnyConnector } from '../connector.js'
import { secretKeys } from '../connector-keys.js'
import { MASK } from '../protocol/facts.js'

const inspectCustom = Symbol.for('nodejs.util.inspect.custom')

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What `util.inspect` calls to show an instance (`this`), masked. */
type InspectMask = (
  this: Record<string, unknown>,
  depth: number,
  options: unknown,
  inspect: (value: unknown, options: unknown) => string,
) => string

/** The mask of instances whose connector is unknown: the token only. */
const TOKEN_MASK: InspectMask = /* @__PURE__ */ inspectMask(new Set())

/** Each connector's mask: made once, shared by every instance of the connector. */
const masks = new WeakMap<AnyConnector, InspectMask>()

function inspectMaskOf(connector: AnyConnector | undefined): InspectMask {
  if (connector === undefined) return TOKEN_MASK
  let mask = masks.get(connector)
  if (mask === undefined) {
    mask = inspectMask(secretKeys(connector))
    masks.set(connector, mask)
  }
  return mask
}

/**
 * The function that makes `util.inspect` (and so `console.log`) show an instance with its token
 * and secret configuration values masked. Set as a non-enumerable property of each instance
 * (`JSON.stringify` and spreading ignore it); `util.inspect` calls it on the instance.
 */
function inspectMask(secrets: ReadonlySet<string>): InspectMask {
  return function mask(_depth, options, inspect) {
    const shown: Record<string, unknown> = { ...this }
    if (typeof shown.token === 'string') shown.token = MASK
    if (isRecord(shown.configuration)) {
      const configuration = { ...shown.configuration }
      for (const key of secrets) {
        if (typeof configuration[key] === 'string') configuration[key] = MASK
      }
      shown.configuration = configuration
    }
    return inspect(shown, options)
  }
}

/**
 * Makes `util.inspect` (and so `console.log`) show `instance` with its token and the connector's
 * secret configuration values masked: a non-enumerable property (`JSON.stringify` and spreading
 * ignore it) holding the connector's mask, one function shared by its instances.
 */
export function maskInInspect(
  instance: Record<string, unknown>,
  connector: AnyConnector | undefined,
): void {
  Object.defineProperty(instance, inspectCustom, { value: inspectMaskOf(connector) })
}
