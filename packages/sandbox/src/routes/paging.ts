import { PAGE_SIZE } from '../constants.js'
import { HttpError } from '../http-error.js'

/** The next-page token after the instance `lastId`. */
export function encodePageToken(lastId: number): string {
  return Buffer.from(`after:${lastId}`, 'utf8').toString('base64url')
}

/** The instance id a next-page token continues after; 400 for a token this sandbox did not issue. */
export function decodePageToken(token: string): number {
  const match = /^after:([0-9]{1,15})$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
  if (match === null) throw new HttpError(400, 'The nextPage token is not one this sandbox issued.')
  return Number(match[1])
}

/** The page size asked for: the default when absent, the largest when larger. */
export function parsePageSize(value: string | undefined): number {
  if (value === undefined || value === '') return PAGE_SIZE.default
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) {
    throw new HttpError(400, 'pageSize must be a positive integer.')
  }
  return Math.min(Number(value), PAGE_SIZE.max)
}
