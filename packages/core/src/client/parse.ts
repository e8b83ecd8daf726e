import * as v from 'valibot'
import type { AnyConnector } from '../connector.js'
import { type RequestSummary, ResponseValidationError } from '../errors/request-errors.js'
import type { ConfigurationEntryRecord, Instance, InstanceConnector } from '../instance.js'
import {
  connectorField,
  connectorIdField,
  VOCABULARIES,
  type Vocabulary,
} from '../protocol/vocabulary.js'
import { fastCheckOf } from './fast-schema.js'
import { maskInInspect } from './inspect-mask.js'
import type { Answer } from './request.js'
import { answerSchemas, managementSchemas } from './wire.js'

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/**
 * valibot's `safeParse` of a freshly parsed JSON value, its fast path first: a value the schema's
 * fast check passes is its own output (valibot would return an equal copy); anything else is
 * parsed by valibot, whose issues name the field that is wrong (see fast-schema.ts).
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): v.SafeParseResult<S> {
  if (fastCheckOf(schema)?.(value) === true) {
    return { typed: true, success: true, output: value, issues: undefined } as v.SafeParseResult<S>
  }
  return v.safeParse(schema, value)
}

/** A valibot issue's dot path, the first segment renamed by `rename`. */
function pathOf(issue: v.BaseIssue<unknown>, prefix: readonly string[]): string {
  const segments = [...prefix, ...(issue.path ?? []).map((item) => String(item.key))]
  return segments.join('.')
}

/**
 * Turns valibot issues into a ResponseValidationError. The messages name the expected and the
 * received *type*, never the received value (it may be a token or a secret).
 */
export function responseError(
  request: RequestSummary,
  issues: readonly v.BaseIssue<unknown>[],
  prefix: readonly string[] = [],
  renameFirst?: (segment: string) => string,
): ResponseValidationError {
  const describe = (issue: v.BaseIssue<unknown>): { path: string; text: string } => {
    let path = pathOf(issue, prefix)
    if (renameFirst !== undefined && path !== '') {
      const [first = '', ...rest] = path.split('.')
      path = [renameFirst(first), ...rest].join('.')
    }
    const expected = issue.expected ?? issue.type
    return {
      path,
      text: `${path === '' ? '(root)' : path}: expected ${expected}, received ${kindOf(issue.input)}`,
    }
  }
  const described = issues.map(describe)
  return new ResponseValidationError({
    request,
    fieldPath: described[0]?.path ?? '',
    issues: described.map((item) => item.text),
  })
}

/** A ResponseValidationError with one issue. */
function refuse(
  request: RequestSummary,
  fieldPath: string,
  issue: string,
): ResponseValidationError {
  return new ResponseValidationError({ request, fieldPath, issues: [issue] })
}

/** Parses a response body text as JSON; a body that is not JSON is a ResponseValidationError. */
export function parseJsonBody(request: RequestSummary, text: string): unknown {
  if (text.trim() === '') {
    throw refuse(request, '', '(root): expected a JSON body, received none')
  }
  try {
    return JSON.parse(text)
  } catch {
    throw refuse(request, '', '(root): expected a JSON body, received text that is not JSON')
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The connector field of every vocabulary (`your_mom`, `element`). */
const CONNECTOR_FIELDS: readonly string[] = VOCABULARIES.map(connectorField)

/** The connector field an instance body carries, if any (the first vocabulary's when both). */
function connectorFieldOf(body: Record<string, unknown>): string | undefined {
  for (const field of CONNECTOR_FIELDS) if (Object.hasOwn(body, field)) return field
  return undefined
}

/** The connector id field of every vocabulary (`your_momId`, `elementId`). */
const ID_FIELDS: ReadonlySet<string> = new Set(VOCABULARIES.map(connectorIdField))

/** Moves the vocabulary's connector id field of each parameter to `connectorId`. */
function normalizeDescriptor(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.parameters)) return raw
  const parameters: unknown[] = raw.parameters
  const normalized: unknown[] = new Array(parameters.length)
  for (let index = 0; index < parameters.length; index++) {
    normalized[index] = normalizeParameter(parameters[index])
  }
  return { ...raw, parameters: normalized }
}

/** One descriptor parameter with its connector id field named `connectorId` (a copy). */
function normalizeParameter(parameter: unknown): unknown {
  if (!isRecord(parameter)) return parameter
  const keepOwn = Object.hasOwn(parameter, 'connectorId')
  const result: Record<string, unknown> = {}
  const keys = Object.keys(parameter)
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string
    if (!keepOwn && ID_FIELDS.has(key)) result.connectorId = parameter[key]
    else result[key] = parameter[key]
  }
  return result
}

/** Parses a connector descriptor (`GET /elements/{key}`). */
export function parseConnector(body: unknown, { request }: Answer): InstanceConnector {
  const result = parseWith(answerSchemas.get().instanceConnectorSchema, normalizeDescriptor(body))
  if (!result.success) throw responseError(request, result.issues)
  return result.output
}

/** What `parseInstance` needs to know. */
export interface ParseInstanceOptions {
  /** The request whose answer is parsed, for error messages. */
  readonly request: RequestSummary
  /** The vocabulary the client speaks: names the connector field in error paths. */
  readonly vocabulary: Vocabulary
  /** The connector the instance must belong to; its response schema parses the configuration. */
  readonly connector?: AnyConnector | undefined
  /** Finds the connector of an instance by key when none was given (a registry lookup). */
  readonly resolve?: ((key: string) => AnyConnector | undefined) | undefined
  /** Whether the body must carry a `token` (provisioning). */
  readonly requireToken?: boolean | undefined
  /** Whether a one-element array holding the instance is accepted too (the token-scoped GET). */
  readonly singletonArray?: boolean | undefined
}

/**
 * Parses an instance body: the connector field (`your_mom` or `element`, either accepted) becomes
 * `connector`, the envelope is checked leniently, and the configuration is parsed with the
 * connector's response schema when there is one. Any mismatch is a ResponseValidationError.
 */
export function parseInstance(body: unknown, options: ParseInstanceOptions): Instance<unknown> {
  const { request, vocabulary } = options
  // The token-scoped GET may answer a one-element array (as the platform's generated SDK declares).
  if (options.singletonArray === true && Array.isArray(body) && body.length === 1) {
    return parseInstance(body[0], { ...options, singletonArray: false })
  }
  if (!isRecord(body)) {
    throw refuse(request, '', `(root): expected an instance object, received ${kindOf(body)}`)
  }
  const wireField = connectorFieldOf(body) ?? connectorField(vocabulary)
  const normalized: Record<string, unknown> = {}
  const keys = Object.keys(body)
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string
    if (key === wireField) normalized.connector = normalizeDescriptor(body[key])
    else if (!CONNECTOR_FIELDS.includes(key)) normalized[key] = body[key]
  }
  const envelope = parseWith(answerSchemas.get().instanceEnvelopeSchema, normalized)
  if (!envelope.success) {
    const rename = (segment: string): string => (segment === 'connector' ? wireField : segment)
    throw responseError(request, envelope.issues, [], rename)
  }
  if (options.requireToken === true && (envelope.output.token ?? '') === '') {
    throw refuse(request, 'token', 'token: expected a non-empty string, received none')
  }
  const key = envelope.output.connector?.key
  if (options.connector !== undefined && key !== undefined && key !== options.connector.key) {
    throw refuse(
      request,
      `${wireField}.key`,
      `${wireField}.key: expected "${options.connector.key}", received another connector key`,
    )
  }
  const connector = options.connector ?? (key === undefined ? undefined : options.resolve?.(key))
  const schema = connector?.response ?? answerSchemas.get().genericInstanceConfigurationSchema
  const configuration = parseWith(schema, envelope.output.configuration)
  if (!configuration.success) {
    throw responseError(request, configuration.issues, ['configuration'])
  }
  // Both outputs are the call's own (a fresh parse or valibot's copy): completed in place.
  const instance = envelope.output as Instance<unknown> & { configuration: unknown }
  instance.configuration = configuration.output
  maskInInspect(instance, connector)
  return instance
}

/** Parses a list of instances. */
export function parseInstances(body: unknown, options: ParseInstanceOptions): Instance[] {
  if (!Array.isArray(body)) {
    throw refuse(
      options.request,
      '',
      `(root): expected an array of instances, received ${kindOf(body)}`,
    )
  }
  return body.map((item: unknown, index) => {
    try {
      // Without a connector the configuration is the generic map (or a registry connector's).
      return parseInstance(item, options) as Instance
    } catch (error) {
      if (!ResponseValidationError.isInstance(error)) throw error
      const path = error.fieldPath === '' ? String(index) : `${index}.${error.fieldPath}`
      throw new ResponseValidationError({
        request: options.request,
        fieldPath: path,
        issues: error.issues.map((issue) =>
          issue.startsWith('(root)') ? `${index}${issue.slice(6)}` : `${index}.${issue}`,
        ),
      })
    }
  })
}

/** Parses configuration entries (`GET /instances/{id}/configuration`). */
export function parseConfigurationEntries(
  body: unknown,
  { request }: Answer,
): ConfigurationEntryRecord[] {
  const result = v.safeParse(v.array(managementSchemas.get().configurationEntrySchema), body)
  if (!result.success) throw responseError(request, result.issues)
  return result.output
}

/** Parses one configuration entry (`GET` or `PATCH /instances/{id}/configuration/{configId}`). */
export function parseConfigurationEntry(
  body: unknown,
  { request }: Answer,
): ConfigurationEntryRecord {
  const result = v.safeParse(managementSchemas.get().configurationEntrySchema, body)
  if (!result.success) throw responseError(request, result.issues)
  return result.output
}
