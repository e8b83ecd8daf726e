import type { BenchRow } from './row.ts'
import { formatRatio, median, type SideBySide } from './stats.ts'

/** The medians of a side-by-side measurement and their ratio (subject over baseline). */
export interface Medians {
  readonly baseline: number
  readonly subject: number
  readonly ratio: number
}

/** What {@link sideBySideRow} needs besides the samples. */
export interface SideBySideRowInput {
  readonly id: string
  readonly measures: string
  readonly samples: SideBySide
  /** How one sample is printed (`formatMs`, requests per second…). */
  readonly format: (value: number) => string
  /** The ratio to meet, and whether lower or higher ratios are better. */
  readonly target: number
  readonly better: 'lower' | 'higher'
  /** The row's notes, given the medians; a note with each side's spread is added. */
  readonly notes: (medians: Medians) => readonly string[]
}

/**
 * A results row from interleaved samples: each side's median, their ratio against the target,
 * and each side's spread (min–max) in the notes.
 */
export function sideBySideRow(input: SideBySideRowInput): BenchRow {
  const { samples, format, target } = input
  const baseline = median(samples.baseline)
  const subject = median(samples.subject)
  const ratio = subject / baseline
  const spread = (values: readonly number[]) =>
    `${format(Math.min(...values))}–${format(Math.max(...values))}`
  return {
    id: input.id,
    measures: input.measures,
    baseline: format(baseline),
    plugboard: format(subject),
    ratio: formatRatio(ratio),
    target: `${input.better === 'lower' ? '≤' : '≥'} ${target}×`,
    pass: input.better === 'lower' ? ratio <= target : ratio >= target,
    notes: [
      ...input.notes({ baseline, subject, ratio }),
      `Spread over ${samples.subject.length} samples a side (min–max): baseline ${spread(samples.baseline)}, plugboard ${spread(samples.subject)}.`,
    ],
  }
}
