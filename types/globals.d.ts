// Globals the pages' scripts get from outside our modules. Not shipped: types only.

declare global {
  /** The Python worker a tool page starts from its <head> (overrides/main.html); client.js
   * adopts it once. `earlyError` is set when its script failed to load. */
  var hipthrustEarlyWorker: (Worker & { earlyError?: string }) | null | undefined;
  /** Tests shorten the timer's beep lookahead (seconds) with it (timer/run.js). */
  var hipthrustTimerLookahead: number | undefined;
  /** Material for MkDocs' page observable: emits on the first load and each instant navigation. */
  var document$: { subscribe(next: () => void): unknown };
  /** Safari before 14.1 names AudioContext so. */
  var webkitAudioContext: typeof AudioContext | undefined;
}

export {};
