import { UsageError } from '../cli-errors.js'
import { instanceJson, printInstance, printInstanceTable } from '../instance-view.js'
import type { Output } from '../output.js'
import { withSpinner } from '../spinner.js'
import { openTarget, type TargetOptions } from '../target.js'

/** Reads an instance id argument: a positive whole number. */
export function parseId(id: string): number {
  const value = Number(id)
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(`An instance id is a positive whole number, got "${id}".`)
  }
  return value
}

/** `instances list`: every instance, following the platform's pages. */
export async function listInstances(
  options: TargetOptions & {
    readonly tag: readonly string[]
    readonly search?: string | undefined
  },
  out: Output,
): Promise<void> {
  const target = await openTarget(options, out)
  try {
    const instances = await withSpinner(out, 'Listing instances', async () => {
      const all = []
      for await (const instance of target.client.instances.iterate({
        tags: [...options.tag],
        ...(options.search === undefined ? {} : { searchText: options.search }),
      })) {
        all.push(instance)
      }
      return all
    })
    if (out.json) out.data(instances.map((instance) => instanceJson(instance)))
    else printInstanceTable(out, instances)
  } finally {
    await target.close()
  }
}

/** `instances get <id>`. */
export async function getInstance(id: string, options: TargetOptions, out: Output): Promise<void> {
  const instanceId = parseId(id)
  const target = await openTarget(options, out)
  try {
    const instance = await withSpinner(out, `Fetching instance ${instanceId}`, () =>
      target.client.instances.get(instanceId),
    )
    if (out.json) out.data(instanceJson(instance))
    else printInstance(out, instance)
  } finally {
    await target.close()
  }
}

/** `instances delete <id>`. */
export async function deleteInstance(
  id: string,
  options: TargetOptions,
  out: Output,
): Promise<void> {
  const instanceId = parseId(id)
  const target = await openTarget(options, out)
  try {
    await withSpinner(out, `Deleting instance ${instanceId}`, () =>
      target.client.instances.delete(instanceId),
    )
    if (out.json) out.data({ id: instanceId, deleted: true })
    else out.line(`Deleted instance ${instanceId}.`)
  } finally {
    await target.close()
  }
}
