// The errors a Herder answers requests with, each carrying the HTTP status Kafka Connect's REST
// API gives it (the gRPC admin API maps the same errors to its own status codes).

export class HerderError extends Error {
  readonly httpStatus: number;

  constructor(httpStatus: number, message: string) {
    super(message);
    this.httpStatus = httpStatus;
  }
}

export class NotFoundError extends HerderError {
  override name = 'NotFoundException';
  constructor(message: string) {
    super(404, message);
  }
}

export class BadRequestError extends HerderError {
  override name = 'BadRequestException';
  constructor(message: string) {
    super(400, message);
  }
}

export class AlreadyExistsError extends HerderError {
  override name = 'AlreadyExistsException';
  constructor(message: string) {
    super(409, message);
  }
}
