/** The model could not be reached or refused to work: network, timeout, HTTP error. */
export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
  constructor(
    message: string,
    /** The HTTP status when the server answered. */
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The model answered, but not with valid JSON matching the schema. */
export class ModelAnswerError extends Error {
  override readonly name = 'ModelAnswerError';
}
