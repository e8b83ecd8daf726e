import * as v from 'valibot'

/**
 * One configuration entry as the platform describes a connector's configuration
 * (`GET /elements/{keyOrId}/configuration`).
 */
export interface ConnectorConfigurationEntry {
  /** The configuration key, as sent when provisioning. */
  readonly key: string
  /** The name the platform's console shows. */
  readonly name: string
  /** `PASSWORD` (a secret, masked in answers), `BOOLEAN`, or `TEXTFIELD_<max length>`. */
  readonly type: string
  /** Whether provisioning needs it. */
  readonly required: boolean
  /** The value the platform uses when none is given, or `null`. */
  readonly defaultValue: string | null
  /** What the entry holds. */
  readonly description: string
  /** Whether the console hides it (the platform's own settings, such as `base.url`). */
  readonly hideFromConsole: boolean
}

/** A catalogue entry of `GET /elements`: one connector the platform documents. */
export interface CatalogueConnector {
  /** The connector's numeric id on that platform. */
  readonly id: number
  /** The connector key. */
  readonly key: string
  /** The display name. */
  readonly name: string
  /** The hub it belongs to, or `null` when the platform does not say. */
  readonly hub: string | null
  /** How it authenticates (`basic`, `custom`, `oauth2`, `oauth1`, …). */
  readonly authentication: { readonly type: string }
  /** Whether provisioning goes through OAuth. */
  readonly typeOauth: boolean
}

/** The schema of one described configuration entry (lenient: missing flags take defaults). */
export const connectorConfigurationEntrySchema: v.GenericSchema<
  unknown,
  ConnectorConfigurationEntry
> = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.looseObject({
    key: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.nonEmpty()),
    name: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string()),
    type: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.string(), 'TEXTFIELD_128'),
    required: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.boolean(), false),
    defaultValue: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string()),
      null,
    ),
    description: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string()),
      '',
    ),
    hideFromConsole: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.boolean(), false),
  }),
  /* @__PURE__ */ v.transform((entry) => ({
    ...entry,
    name: entry.name ?? entry.key,
    description: entry.description ?? '',
  })),
)

/** The schema of a connector's described configuration: an array of entries. */
export const connectorConfigurationSchema: v.GenericSchema<unknown, ConnectorConfigurationEntry[]> =
  /* @__PURE__ */ v.array(connectorConfigurationEntrySchema)

/** The schema of one catalogue entry of `GET /elements` (lenient). */
export const catalogueConnectorSchema: v.GenericSchema<unknown, CatalogueConnector> =
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.looseObject({
      id: /* @__PURE__ */ v.number(),
      key: /* @__PURE__ */ v.string(),
      name: /* @__PURE__ */ v.string(),
      hub: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.nullable(/* @__PURE__ */ v.string()), null),
      authentication: /* @__PURE__ */ v.optional(
        /* @__PURE__ */ v.looseObject({ type: /* @__PURE__ */ v.string() }),
        { type: 'basic' },
      ),
      typeOauth: /* @__PURE__ */ v.optional(/* @__PURE__ */ v.boolean(), false),
    }),
  )
