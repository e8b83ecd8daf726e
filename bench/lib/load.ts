/**
 * Sends `total` requests over `clients` concurrent workers, each awaiting its previous request
 * before the next; returns requests per second over the whole run.
 */
export async function concurrentLoad(
  clients: number,
  total: number,
  one: (index: number) => Promise<void>,
): Promise<number> {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await one(next++)
    }),
  )
  return total / ((performance.now() - started) / 1000)
}
