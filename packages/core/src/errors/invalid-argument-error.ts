import { brandOf, PlugboardError } from './base.js'

/**
 * The options of {@link InvalidArgumentError}.
 *
 * @group Errors
 */
export interface InvalidArgumentErrorOptions {
  /** The name of the refused argument, e.g. `"name"` or `"baseUrl"`. */
  readonly argument: string
  /** What is wrong with it, in words. */
  readonly message: string
}

/**
 * A call was made with an argument that cannot be sent: an empty instance name, a base URL that is
 * not an http(s) URL, an empty secret. Nothing was sent.
 *
 * @group Errors
 */
export class InvalidArgumentError extends PlugboardError {
  static override get brand(): symbol {
    return brandOf('InvalidArgumentError')
  }

  /** The name of the refused argument, e.g. `"name"` or `"baseUrl"`. */
  readonly argument: string

  constructor(options: InvalidArgumentErrorOptions) {
    super(options.message)
    this.argument = options.argument
  }
}
