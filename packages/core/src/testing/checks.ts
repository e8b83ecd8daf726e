import { checkAuthorization, checkSampleAuthorizes } from './authorization-checks.js'
import {
  checkRequiredEntries,
  checkSampleAccepted,
  checkSecretRedaction,
  checkUnknownEntry,
} from './configuration-checks.js'
import type { ConnectorCheck } from './conformance-error.js'
import {
  checkDescriptions,
  checkDescriptor,
  checkRegistryRoundTrip,
  checkResponseAcceptsSample,
  checkSpecificationVersion,
} from './definition-checks.js'

/** Every standard check, in the order `testConnector` runs them. */
export const connectorChecks: readonly ConnectorCheck[] = [
  { name: 'implements the current connector specification', run: checkSpecificationVersion },
  { name: 'has a descriptor that matches its key, hub and authentication', run: checkDescriptor },
  { name: 'describes every configuration entry', run: checkDescriptions },
  {
    name: 'refuses an empty configuration naming exactly the required entries',
    run: checkRequiredEntries,
  },
  { name: 'refuses an unknown configuration entry, naming it', run: checkUnknownEntry },
  { name: 'accepts its own sample configuration', run: checkSampleAccepted },
  { name: 'never shows a secret value in a configuration error', run: checkSecretRedaction },
  {
    name: 'declares how it authorises, in agreement with its schema and descriptor',
    run: checkAuthorization,
  },
  {
    name: 'authorises its sample: the configuration and a sample providerData pass',
    run: checkSampleAuthorizes,
  },
  {
    name: 'parses the configuration the platform returns for its sample',
    run: checkResponseAcceptsSample,
  },
  {
    name: 'round-trips through a registry and refuses a duplicate key',
    run: checkRegistryRoundTrip,
  },
]
