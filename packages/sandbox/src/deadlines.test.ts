import { describe, expect, it } from 'vitest'
import { Deadlines } from './deadlines.js'

describe('Deadlines', () => {
  it('expires every watched deadline once, in order, and never a cancelled one', async () => {
    const deadlines = new Deadlines(20)
    const expired: string[] = []
    const expiry = (name: string) =>
      new Promise<void>((resolve) => {
        deadlines.watch(() => {
          expired.push(name)
          resolve()
        })
      })
    const first = expiry('first')
    const cancel = deadlines.watch(() => expired.push('cancelled'))
    const third = expiry('third')
    cancel()
    await Promise.all([first, third])
    // The cancelled deadline fell between the two that expired: had it fired, it would show.
    expect(expired).toEqual(['first', 'third'])
    // A deadline watched after the others have expired is served by a new timer.
    await expiry('later')
    expect(expired).toEqual(['first', 'third', 'later'])
  })
})
