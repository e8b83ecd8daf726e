/**
 * A script written from the platform's public documentation only (the `element` vocabulary of its
 * docs, plain `fetch`, no plugboard code): what a new user would write against the platform. The
 * acceptance test runs it unchanged against the sandbox. Each step checks what the docs promise
 * and throws, naming the step, when the answer differs.
 */

/** Where the script runs: an API root and the account's secrets. */
export interface ScriptTarget {
  readonly baseUrl: string
  readonly userSecret: string
  readonly organizationSecret: string
}

/** What the script saw, for the test to look at. */
export interface ScriptLog {
  readonly steps: string[]
}

// biome-ignore lint/suspicious/noExplicitAny: the script reads JSON answers the way a docs reader would, untyped.
type Json = any

function check(step: string, condition: boolean, detail: unknown): void {
  if (!condition) throw new Error(`${step}: unexpected answer ${JSON.stringify(detail)}`)
}

export async function runPlatformScript(target: ScriptTarget): Promise<ScriptLog> {
  const steps: string[] = []
  const platformAuth = `User ${target.userSecret}, Organization ${target.organizationSecret}`
  const call = async (step: string, method: string, path: string, body?: Json, token?: string) => {
    const response = await fetch(`${target.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: token === undefined ? platformAuth : `${platformAuth}, Element ${token}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    steps.push(`${step}: ${method} ${path} -> ${response.status}`)
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    }
  }

  // 1. Create an instance under the element key (the key is in the path, not the body).
  const created = await call('create', 'POST', '/elements/chargebee/instances', {
    name: 'Docs script',
    configuration: { site: 'docs-test', username: 'test_docsApiKey', password: 'docs-password' },
  })
  check('create', created.status === 200, created.status)
  const { id, token } = created.body
  const elementId = created.body.element.id
  check('create: token', typeof token === 'string' && token.length > 20, 'no token')
  check(
    'create: tagged with its name',
    JSON.stringify(created.body.tags) === '["Docs script"]',
    created.body.tags,
  )
  check('create: password masked', created.body.configuration.password === '********', 'password')
  check(
    'create: username echoed',
    created.body.configuration.username === 'test_docsApiKey',
    'username',
  )
  check('create: owner', typeof created.body.user?.emailAddress === 'string', created.body.user)
  check(
    'create: nulls filtered',
    created.body.configuration['filter.response.nulls'] === 'true',
    'filter',
  )

  // 2. Read it back under the element's numeric id, alone and in the element's list.
  const byId = await call('get by element id', 'GET', `/elements/${elementId}/instances/${id}`)
  check('get by element id', byId.status === 200 && byId.body.token === token, byId.status)
  const list = await call('list by element id', 'GET', `/elements/${elementId}/instances`)
  check(
    'list by element id',
    list.body.some((i: Json) => i.id === id && i.token === token),
    'absent',
  )

  // 3. Tags: PATCH replaces them; the list filters by them.
  const tagged = await call('tag', 'PATCH', `/instances/${id}`, { tags: ['docs', 'billing'] })
  check('tag', JSON.stringify(tagged.body.tags) === '["docs","billing"]', tagged.body.tags)
  const filtered = await call('filter by tag', 'GET', '/instances?tags[]=docs')
  check(
    'filter by tag',
    filtered.body.length === 1 && filtered.body[0].id === id,
    filtered.body.length,
  )

  // 4. Configuration entries: list, read one, change one.
  const entries = await call('configuration', 'GET', `/instances/${id}/configuration`)
  const site = entries.body.find((entry: Json) => entry.key === 'site')
  check('configuration', site?.propertyValue === 'docs-test', site)
  const one = await call('one entry', 'GET', `/instances/${id}/configuration/${site.id}`)
  check('one entry', one.body.propertyValue === 'docs-test', one.body)
  const changed = await call('change entry', 'PATCH', `/instances/${id}/configuration/${site.id}`, {
    propertyValue: 'docs-live',
  })
  check('change entry', changed.body.propertyValue === 'docs-live', changed.body)

  // 5. Update round trip: PUT what GET returned.
  const current = await call('get', 'GET', `/instances/${id}`)
  const put = await call('put back', 'PUT', `/instances/${id}`, current.body)
  check('put back', put.status === 200 && put.body.configuration.site === 'docs-live', put.status)
  const stored = await call('entries after put', 'GET', `/instances/${id}/configuration`)
  const password = stored.body.find((entry: Json) => entry.key === 'password')
  check('password kept', password?.propertyValue === '********', password)

  // 6. Hub calls with the instance token: any hub segment, or none; the instance id header.
  for (const path of ['/hubs/payment/customers', '/hubs/crm/customers', '/customers']) {
    const hub = await call(`hub ${path}`, 'GET', path, undefined, token)
    check(`hub ${path}`, hub.status === 200, hub.status)
    check(
      `hub ${path}: header`,
      hub.headers.get('elements-element-instance-id') === String(id),
      'no header',
    )
  }
  const keys = await call('hub keys', 'GET', '/hubs/keys')
  check('hub keys', keys.status === 200 && keys.body.includes('payment'), keys.body)

  // 7. Disable, see hub calls refused, enable again.
  await call('disable', 'DELETE', `/instances/${id}/enabled`)
  const refused = await call(
    'hub while disabled',
    'GET',
    '/hubs/payment/customers',
    undefined,
    token,
  )
  check('hub while disabled', refused.status === 403, refused.status)
  await call('enable', 'PUT', `/instances/${id}/enabled`)
  const again = await call('hub enabled', 'GET', '/hubs/payment/customers', undefined, token)
  check('hub enabled', again.status === 200, again.status)

  // 8. Delete under the element key; the token no longer works.
  const deleted = await call('delete', 'DELETE', `/elements/chargebee/instances/${id}`)
  check('delete', deleted.status === 200, deleted.status)
  const gone = await call('hub after delete', 'GET', '/hubs/payment/customers', undefined, token)
  check('hub after delete', gone.status === 401, gone.status)
  return { steps }
}
