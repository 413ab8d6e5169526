// SIGTERM and SIGINT for the worker commands: caught from the very start, so a signal that
// arrives during startup is kept and handled, in order, once the worker is ready to stop; and
// with `on`, not `once`, so a second signal never falls through to Node's immediate exit.

export interface ShutdownSignals {
  /** Calls `stop` for every signal from now on, at once for one that came during startup. */
  handleWith(stop: (signal: string) => void): void;
}

export function captureShutdownSignals(): ShutdownSignals {
  let handler: ((signal: string) => void) | undefined;
  let early: string | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => (handler ? handler(signal) : (early ??= signal)));
  }
  return {
    handleWith(stop) {
      handler = stop;
      if (early !== undefined) stop(early);
    },
  };
}
