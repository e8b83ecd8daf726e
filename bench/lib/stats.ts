/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** The samples of a side-by-side measurement: one list per side, one sample per round. */
export interface SideBySide {
  /** The baseline's samples. */
  readonly baseline: number[]
  /** The subject's (plugboard's) samples. */
  readonly subject: number[]
}

/**
 * Measures a baseline and a subject in alternating rounds (AB BA AB …, so neither side always
 * goes first) and returns every sample. Each function returns one sample (a duration, a rate…).
 */
export async function interleave(
  rounds: number,
  baseline: () => Promise<number>,
  subject: () => Promise<number>,
): Promise<SideBySide> {
  const result: SideBySide = { baseline: [], subject: [] }
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      result.baseline.push(await baseline())
      result.subject.push(await subject())
    } else {
      result.subject.push(await subject())
      result.baseline.push(await baseline())
    }
  }
  return result
}

/** Milliseconds, printed with a precision that suits their size. */
export function formatMs(ms: number): string {
  if (ms >= 100) return `${ms.toFixed(0)} ms`
  if (ms >= 10) return `${ms.toFixed(1)} ms`
  if (ms >= 1) return `${ms.toFixed(2)} ms`
  return `${(ms * 1000).toFixed(0)} µs`
}

/** A ratio, printed as `1.04×`. */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`
}
