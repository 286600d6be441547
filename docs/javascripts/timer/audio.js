// The run's clock and its sounds. The clock is an interface with one continuous "run time":
// - the audio clock (AudioContext.currentTime plus an offset) while the context runs: every beep
//   is an oscillator started at an exact time on it, queued ahead, so a busy page cannot make it
//   late;
// - a performance.now() clock when audio cannot start within START_GRACE of the Start tap
//   (Firefox with no output device keeps the context `suspended` and resume() never settles), is
//   suspended/interrupted by the system (iOS: a call, Siri, another app's audio), stops moving
//   for STALL seconds, or is closed. The set goes on silently, `fallback` says so.
// At every switch the new source is mapped onto the run time with an offset, so the timeline
// neither jumps nor stops; when the audio comes back, `poll()` returns true and the run queues
// its beeps again from the current time (the ones queued on the old mapping are dropped when the
// audio is lost, so none plays late or twice).
// The clock only needs the AudioContext it is given and a wall clock (`wall`, seconds): the unit
// tests (tests/js/timer-audio.test.mjs) drive both.

/** @import { Sound } from "./replies.js" */

/**
 * A beep queued on the audio clock: `when` in run time, `at` on the audio clock.
 * @typedef {{oscillator: OscillatorNode, envelope: GainNode, when: number, at: number}} Queued
 */
/** @typedef {() => number} Wall seconds on a monotonic clock */

const AudioContextClass = globalThis.AudioContext ?? globalThis.webkitAudioContext;

const START_GRACE = 0.4; // seconds the Start tap waits for audio before the silent clock takes over
const STALL = 1.0; // a "running" audio clock that has not moved for this long is treated as lost

/** @type {Wall} */
const performanceWall = () => performance.now() / 1000;

// The first AudioContext of a page is slow to create: the browser opens the audio device (58 ms
// in headless Chromium here; 1.5 ms for the next one). The Start button makes it on pointerdown,
// while the finger is still down, so the click that follows queues the first cue at once. A touch
// pointerdown is no user activation: the context may wait `suspended` until the click resumes it.
/** @type {AudioContext | null} */
let prepared = null;

/** @returns {AudioContext | null} */
function newContext() {
  if (!AudioContextClass) return null;
  try {
    return new AudioContextClass({ latencyHint: "interactive" });
  } catch (error) {
    console.warn("Web Audio unavailable:", error);
    return null;
  }
}

/** Open the audio device ahead of the Start click (pointerdown on Start). */
export function prepareAudio() {
  if (!prepared && AudioContextClass) prepared = newContext();
}

/** Close a prepared context no run took (the reader left without starting). */
export function releasePreparedAudio() {
  prepared?.close?.()?.catch?.(() => {});
  prepared = null;
}

/**
 * Create the clock inside the Start tap (iOS only lets audio start there).
 * @param {{volume?: number}} [options] volume 0-1
 */
export function createClock({ volume = 1 } = {}) {
  let context = prepared;
  prepared = null;
  if (!context && AudioContextClass) context = newContext();
  return new RunClock(context, volume, performanceWall);
}

// iOS 17+: "playback" makes Web Audio sound with the silent switch on, like a music app. The
// timer's settings text says so. Feature-detected: elsewhere there is no audioSession.
function preferPlayback() {
  try {
    const session = /** @type {{audioSession?: {type: string}}} */ (navigator).audioSession;
    if (session && session.type !== "playback") {
      session.type = "playback";
    }
  } catch {
    /* read-only or unknown type on this browser: the silent switch may mute the beeps */
  }
}

export class RunClock {
  /**
   * @param {AudioContext | null} context null: no Web Audio, the run is silent from the start
   * @param {number} volume 0-1
   * @param {Wall} wall the silent clock (performance.now() in seconds on the page)
   */
  constructor(context, volume, wall) {
    this.context = context;
    this.wall = wall;
    this.hasAudio = context !== null;
    // "starting": waiting for the audio; "audio": run time from the audio clock; "silent": from
    // performance.now(). Run time = source time + offset of the current source.
    /** @type {"starting" | "audio" | "silent"} */
    this.mode = context ? "starting" : "silent";
    this.offset = 0;
    this.paused = false;
    this.pausedAt = 0;
    this.closed = false;
    /** @type {Set<Queued>} */
    this.queued = new Set();
    this.began = wall();
    this.graceUntil = this.began + START_GRACE; // no "no sound" message while audio may still start
    this.lastTry = this.began;
    this.lastMove = { audio: 0, run: 0, wall: this.began }; // last time the audio clock moved
    this.startAudio = 0;
    /** @type {GainNode | null} */
    this.master = null;
    if (!context) return;
    preferPlayback();
    const compressor = context.createDynamicsCompressor();
    this.master = context.createGain();
    this.master.gain.value = volume;
    this.master.connect(compressor).connect(context.destination);
    this.offset = -context.currentTime;
    this.startAudio = context.currentTime;
    this.tryResume(); // synchronously inside the tap: this is what unlocks audio
  }

  /** Sound is playing (or queued to play): the audio clock drives the run. */
  get hasSound() {
    return this.mode === "audio" || this.mode === "starting";
  }

  /** Audio exists on this device but cannot be heard now: the run keeps time on screen. */
  get fallback() {
    return (
      this.hasAudio &&
      this.mode === "silent" &&
      !this.closed &&
      !this.paused &&
      this.wall() >= this.graceUntil
    );
  }

  get state() {
    if (this.closed) return "closed";
    return this.paused ? "suspended" : "running";
  }

  /** The run time in seconds. */
  now() {
    if (this.mode !== "silent" && this.context) return this.context.currentTime + this.offset;
    return this.paused ? this.pausedAt : this.wall() + this.offset;
  }

  /** Check the audio and switch sources; true when the audio has just come back from silence. */
  poll() {
    if (this.paused || this.closed || !this.context) return false;
    const context = this.context;
    const time = context.currentTime;
    const now = this.wall();
    if (time !== this.lastMove.audio) {
      this.lastMove = {
        audio: time,
        run: time + (this.mode === "silent" ? 0 : this.offset),
        wall: now,
      };
    }
    const state = context.state;
    if (this.mode === "starting") {
      // The beeps queued so far sit on the audio clock's own mapping: nothing to queue again.
      if (state === "running" && time > this.startAudio) this.mode = "audio";
      // Nothing moved yet: the silent clock starts from where the run stands, so no jump.
      else if (now >= this.graceUntil) this.toSilent(this.now());
      return false;
    }
    if (this.mode === "audio") {
      if (state !== "running" || now - this.lastMove.wall >= STALL) {
        // Lost mid-run: carry on from the last moment the audio clock moved, in wall time, so
        // the set stays on time.
        this.toSilent(this.lastMove.run + (now - this.lastMove.wall));
      }
      return false;
    }
    if (state === "running" && now - this.lastMove.wall < 0.2) {
      const run = this.now();
      this.mode = "audio";
      this.offset = run - time;
      this.lastMove = { audio: time, run, wall: now };
      return true;
    }
    if (state !== "running" && now - this.lastTry >= 1) {
      this.tryResume(); // interrupted (iOS) or suspended by the system: ask again, never wait
    }
    return false;
  }

  /** @param {number} run the run time the silent clock carries on from */
  toSilent(run) {
    this.cancelPending();
    this.mode = "silent";
    this.offset = run - this.wall();
  }

  /** Ask the audio to run again (the page came back, or a tap); never waits for it. */
  tryResume() {
    this.lastTry = this.wall();
    if (!this.context || this.closed || this.context.state === "closed") return;
    try {
      this.context.resume?.()?.catch?.(() => {});
    } catch {
      /* closed */
    }
  }

  /** @param {number} volume 0-1 */
  setVolume(volume) {
    if (this.master && this.context)
      this.master.gain.setValueAtTime(volume, this.context.currentTime);
  }

  /**
   * Play `sound` (from Python's SOUNDS) at run time `when`; silent unless the audio runs.
   * @param {Sound} sound
   * @param {number} when
   */
  play(sound, when) {
    const context = this.context;
    if ((this.mode !== "audio" && this.mode !== "starting") || !context || !this.master) return;
    const at = when - this.offset; // on the audio clock
    const start = Math.max(at, context.currentTime);
    const oscillator = context.createOscillator();
    const envelope = context.createGain();
    oscillator.type = sound.wave;
    oscillator.frequency.setValueAtTime(sound.start_hz, start);
    if (sound.end_hz !== sound.start_hz) {
      oscillator.frequency.exponentialRampToValueAtTime(sound.end_hz, start + sound.seconds);
    }
    // 5 ms attack and release: no clicks, but the onset stays sharp.
    envelope.gain.setValueAtTime(0, start);
    envelope.gain.linearRampToValueAtTime(sound.gain, start + 0.005);
    envelope.gain.setValueAtTime(sound.gain, start + sound.seconds - 0.005);
    envelope.gain.linearRampToValueAtTime(0, start + sound.seconds);
    oscillator.connect(envelope).connect(this.master);
    oscillator.start(at);
    oscillator.stop(start + sound.seconds);
    const entry = { oscillator, envelope, when, at };
    this.queued.add(entry);
    oscillator.onended = () => {
      envelope.disconnect();
      this.queued.delete(entry);
    };
  }

  /** @param {Queued} entry */
  drop(entry) {
    entry.oscillator.onended = null;
    try {
      entry.oscillator.stop();
    } catch {
      /* already stopped */
    }
    entry.envelope.disconnect();
    this.queued.delete(entry);
  }

  /**
   * Drop every queued sound due at or after run time `time` (used when a rest is skipped).
   * @param {number} time
   */
  cancelAfter(time) {
    for (const entry of this.queued) if (entry.when >= time) this.drop(entry);
  }

  /** Drop every sound that has not started on the audio clock: its mapping is about to change. */
  cancelPending() {
    const time = this.context?.currentTime ?? 0;
    for (const entry of this.queued) if (entry.at >= time) this.drop(entry);
  }

  /** Pause: the audio clock is suspended (it stops with every queued sound), or the silent one frozen. */
  pause() {
    if (this.paused) return Promise.resolve();
    // Read the time before `paused` is set: once paused, now() answers pausedAt.
    this.pausedAt = this.now();
    this.paused = true;
    if (this.mode === "silent") return Promise.resolve();
    // Not awaited: a context without an output device may never settle.
    this.context?.suspend().catch(() => {});
    return Promise.resolve();
  }

  /** Resume inside the tap; without audio within START_GRACE the silent clock carries on. */
  resume() {
    if (!this.paused) return Promise.resolve();
    this.paused = false;
    this.graceUntil = this.wall() + START_GRACE;
    if (this.mode === "silent" || !this.context) {
      this.offset = this.pausedAt - this.wall();
      this.lastMove = {
        audio: this.context?.currentTime ?? 0,
        run: this.pausedAt,
        wall: -Infinity,
      };
    } else {
      this.mode = "starting";
      this.startAudio = this.context.currentTime;
    }
    this.tryResume();
    return Promise.resolve();
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    if (this.context) {
      this.cancelAfter(-Infinity);
      if (this.context.state !== "closed") this.context.close().catch(() => {});
    }
  }
}
