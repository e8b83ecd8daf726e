import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { registry } from '../app-registry.js'
import { instanceJson, printInstance, printInstanceTable } from '../instance-view.js'
import type { Output } from '../output.js'
import { withSpinner } from '../spinner.js'
import { openTarget, type TargetOptions } from '../target.js'

/** The connector the demo provisions, looked up in the registry by key. */
export const DEMO_CONNECTOR_KEY = 'chargebee'

/**
 * The main job: start the embedded sandbox on a free loopback port (a fresh database in a
 * temporary folder unless `--db` is given), look up the demo connector by key, provision an
 * instance with its sample configuration, print it, then list the instances.
 */
export async function runDemo(options: TargetOptions, out: Output): Promise<void> {
  const scratch =
    options.baseUrl === undefined && options.db === undefined
      ? mkdtempSync(join(tmpdir(), 'plugboard-demo-'))
      : undefined
  const target = await openTarget(
    scratch === undefined ? options : { ...options, db: join(scratch, 'sandbox.db') },
    out,
  )
  try {
    const connector = registry.get(DEMO_CONNECTOR_KEY)
    if (!out.json) {
      out.line(out.style('bold', 'plugboard demo'))
      out.line(`target     ${target.description}`)
      out.line(
        `connector  ${connector.key} (looked up by key in a registry of: ${registry.keys().join(', ')})`,
      )
      out.line()
    }
    const instance = await withSpinner(out, `Provisioning a ${connector.key} instance`, () =>
      target.client.provision(connector, {
        name: 'Demo Chargebee <b>billing</b>',
        configuration: connector.sample,
        tags: ['demo', 'billing'],
      }),
    )
    const instances = await withSpinner(out, 'Listing instances', async () => {
      const all = []
      for await (const item of target.client.instances.iterate()) all.push(item)
      return all
    })
    if (out.json) {
      out.data({
        target: target.description,
        provisioned: instanceJson(instance),
        instances: instances.map((item) => instanceJson(item)),
      })
      return
    }
    out.line(out.style('green', `Provisioned instance ${instance.id}:`))
    printInstance(out, instance)
    out.line()
    out.line(out.style('bold', `Instances (${instances.length}):`))
    printInstanceTable(out, instances)
  } finally {
    await target.close()
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true })
  }
}
