interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
}

/**
 * Concurrent lookups of the same key share one run (an App Home or a digest asks about many entities of one team at
 * once, and every call spends the token's rate limit). Each caller can still abort on its own; the shared run is
 * aborted only when every caller waiting on it has. Each caller gets its own copy of the answer.
 */
export class SharedLookups<T> {
  private readonly running = new Map<string, Flight<T>>();

  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    // A run every caller gave up on is aborted but may not have settled yet: a new caller starts afresh.
    const running = this.running.get(key);
    const flight = running && !running.controller.signal.aborted ? running : this.begin(key, start);
    flight.waiting += 1;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        flight.waiting -= 1;
        if (flight.waiting === 0) flight.controller.abort(signal!.reason);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(structuredClone(value));
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private begin(key: string, start: (signal: AbortSignal) => Promise<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = { controller, waiting: 0, promise: Promise.resolve() as Promise<T> };
    flight.promise = start(controller.signal).finally(() => {
      if (this.running.get(key) === flight) this.running.delete(key);
    });
    this.running.set(key, flight);
    return flight;
  }
}
