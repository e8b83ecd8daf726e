import { describe, expect, it } from 'vitest'
import { type WriteSync, writeToDescriptor } from '../src/output.js'

/** A stream that keeps what is written to it. */
function collector(): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: Buffer[] = []
  const stream = {
    write: (chunk: Uint8Array) => {
      chunks.push(Buffer.from(chunk))
      return true
    },
  } as unknown as NodeJS.WritableStream
  return { stream, text: () => Buffer.concat(chunks).toString() }
}

/** A descriptor that takes at most `size` bytes a call, and refuses with `code` after `limit`. */
function descriptor(size: number, limit = Number.POSITIVE_INFINITY, code = 'EAGAIN') {
  const written: Buffer[] = []
  let total = 0
  const write: WriteSync = (fd, buffer, offset) => {
    expect(fd).toBe(1)
    if (total >= limit) throw Object.assign(new Error(`write ${code}`), { code })
    const taken = Buffer.from(buffer.subarray(offset, offset + Math.min(size, limit - total)))
    written.push(taken)
    total += taken.length
    return taken.length
  }
  return { write, text: () => Buffer.concat(written).toString() }
}

describe('writeToDescriptor', () => {
  const text = `${JSON.stringify({ key: 'chargebee', name: 'Chargebee — billing' }, null, 2)}\n`

  it('writes the whole text, however little each write takes', () => {
    const fd = descriptor(3)
    const fallback = collector()
    expect(writeToDescriptor(text, () => fallback.stream, fd.write)).toBe(true)
    expect(fd.text()).toBe(text)
    expect(fallback.text()).toBe('')
  })

  it('hands the rest to the fallback stream when a non-blocking descriptor is full', () => {
    const fd = descriptor(8, 20)
    const fallback = collector()
    expect(writeToDescriptor(text, () => fallback.stream, fd.write)).toBe(false)
    expect(fd.text() + fallback.text()).toBe(text)
    expect(fd.text()).toHaveLength(20)
  })

  it('throws any other failure (a closed pipe)', () => {
    const fd = descriptor(8, 10, 'EPIPE')
    const fallback = collector()
    expect(() => writeToDescriptor(text, () => fallback.stream, fd.write)).toThrow(/EPIPE/)
    expect(fallback.text()).toBe('')
  })
})
