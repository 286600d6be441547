// One run of the timer. The state is a pure function of the run time on one clock (timer/audio.js:
// the audio clock while audio runs, performance.now() while it cannot, mapped onto one continuous
// run time): nothing here counts ticks. Beeps are queued LOOKAHEAD seconds ahead on the audio
// clock; the 250 ms service timer only tops that queue up (and says the voice lines, which the
// Speech API cannot schedule), so a stalled page would have to stall for LOOKAHEAD seconds
// before a beep could be late. When the audio comes back after an interruption, the beeps are
// queued again from the current time: none is replayed, and the timeline never jumps.

import { createClock } from "./audio.js";
import { stateAt } from "./lookup.js";
import { Voice, WakeLock, canVibrate, vibrate } from "./extras.js";

/** @import { TimerPlan } from "./replies.js" */
/** @import { RunState } from "./lookup.js" */
/** @import { RunClock } from "./audio.js" */

/**
 * The lifter's cue settings (the form's checkboxes and volume slider).
 * @typedef {{beeps: boolean, voice: boolean, vibration: boolean, volume: number}} RunOptions
 */
/**
 * Called on every frame and service tick.
 * @typedef {(state: RunState, elapsed: number, run: Run) => void} OnUpdate
 */

const LOOKAHEAD = 30; // seconds of beeps queued ahead
const SERVICE_MS = 250;
const START_DELAY = 0.15; // seconds between the tap and the first cue: the audio output warms up
const STALE = 1.0; // a voice line or vibration more than 1 s late is dropped, not played late
const EPSILON = 1e-6;

export class Run {
  /**
   * @param {Pick<TimerPlan, "segments" | "cues" | "sounds" | "total">} data Python's timer_plan
   *   result: what the run reads of it
   * @param {RunOptions} options
   * @param {OnUpdate} onUpdate called with (state, elapsed, run) on every frame and service tick
   * @param {typeof createClock} [makeClock] the run's clock (tests pass one on a fake context)
   */
  constructor(data, options, onUpdate, makeClock = createClock) {
    this.makeClock = makeClock;
    this.data = data;
    this.options = { ...options };
    this.onUpdate = onUpdate;
    /** @type {RunClock | null} */
    this.clock = null;
    this.origin = 0;
    this.paused = false;
    this.finished = false;
    this.stopped = false;
    this.nextToQueue = 0;
    this.nextToFire = 0;
    this.resyncing = false;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.interval = undefined;
    this.raf = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.closeTimer = undefined;
    this.voice = new Voice(() => this.update());
    this.wakeLock = new WakeLock(() => this.update());
    this.lookahead = Number(globalThis.hipthrustTimerLookahead) || LOOKAHEAD; // tests shorten it
  }

  /** Must run synchronously inside the Start tap (iOS unlocks audio and speech only there). */
  start() {
    const clock = this.makeClock({ volume: this.options.volume });
    this.clock = clock;
    if (this.options.voice) this.voice.prime();
    this.origin = clock.now() + START_DELAY;
    this.wakeLock.acquire();
    this.service();
    this.interval = setInterval(() => this.service(), SERVICE_MS);
    const frame = () => {
      if (this.stopped) return;
      this.update();
      if (!this.finished) this.raf = requestAnimationFrame(frame);
    };
    this.raf = requestAnimationFrame(frame);
  }

  elapsed() {
    return this.clock ? this.clock.now() - this.origin : 0;
  }

  state() {
    // Before the first cue (the short start delay) the display already shows the first phase.
    return stateAt(this.data.segments, this.data.total, Math.max(0, this.elapsed()));
  }

  update() {
    if (this.stopped || !this.clock) return;
    this.sync();
    this.onUpdate(this.state(), this.elapsed(), this);
  }

  /** Let the clock switch sources; when the audio has just (re)started, queue the beeps again. */
  sync() {
    if (!this.clock?.poll()) return;
    const elapsed = this.elapsed();
    const from = this.data.cues.findIndex((cue) => cue.time >= elapsed);
    this.nextToQueue = from === -1 ? this.data.cues.length : from;
    if (!this.resyncing) {
      this.resyncing = true;
      try {
        this.service();
      } finally {
        this.resyncing = false;
      }
    }
  }

  /** Queue the beeps of the next LOOKAHEAD seconds; say and vibrate what is due now. */
  service() {
    const clock = this.clock;
    if (this.stopped || !clock) return;
    if (!this.resyncing) this.sync();
    const elapsed = this.elapsed();
    const cues = this.data.cues;
    while (
      this.nextToQueue < cues.length &&
      cues[this.nextToQueue].time <= elapsed + this.lookahead
    ) {
      const cue = cues[this.nextToQueue];
      if (this.options.beeps) clock.play(this.data.sounds[cue.sound], this.origin + cue.time);
      this.nextToQueue += 1;
    }
    while (this.nextToFire < cues.length && cues[this.nextToFire].time <= elapsed) {
      const cue = cues[this.nextToFire];
      if (elapsed - cue.time < STALE && !this.paused) {
        if (this.options.voice && cue.say) this.voice.say(cue.say, this.options.volume);
        if (this.options.vibration) vibrate(cue.vibrate);
      }
      this.nextToFire += 1;
    }
    if (!this.finished && elapsed >= this.data.total) this.finish();
    this.update();
  }

  finish() {
    this.finished = true;
    this.wakeLock.release();
    clearInterval(this.interval);
    // Let the "done" sound ring out, then free the audio hardware.
    this.closeTimer = setTimeout(() => this.clock?.close(), 1500);
  }

  async togglePause() {
    if (this.finished || !this.clock) return;
    if (this.paused) {
      this.paused = false;
      await this.clock.resume();
    } else {
      this.paused = true;
      this.voice.stop();
      await this.clock.pause();
    }
    this.update();
  }

  /** Jump to the end of the current rest, lead-in or leg switch. */
  skip() {
    const segment = this.state().segment;
    if (!segment?.skippable || this.paused || !this.clock) return;
    const jump = segment.end - this.elapsed();
    this.origin -= jump;
    this.clock.cancelAfter(this.clock.now() - EPSILON);
    const cues = this.data.cues;
    const from = cues.findIndex((cue) => cue.time >= segment.end - EPSILON);
    this.nextToQueue = from === -1 ? cues.length : from;
    this.nextToFire = this.nextToQueue;
    this.service();
  }

  /** The page comes back: take the wake lock again and restart an interrupted audio clock. */
  onVisible() {
    if (this.stopped || this.finished) return;
    this.wakeLock.reacquire();
    if (!this.paused) this.clock?.tryResume();
    this.service();
  }

  /** @param {RunOptions} options */
  setOptions(options) {
    Object.assign(this.options, options);
    this.clock?.setVolume(this.options.volume);
  }

  /** What is off on this device, in words. */
  limitations() {
    const off = [];
    if (this.clock && !this.clock.hasAudio) off.push("No sound: this browser has no Web Audio.");
    else if (this.clock?.fallback) off.push("No sound: the timer keeps time on screen.");
    if (this.options.voice && !this.voice.available)
      off.push("Voice unavailable: no speech voices on this device.");
    if (this.options.vibration && !canVibrate) off.push("No vibration on this device.");
    if (
      this.wakeLock.wanted &&
      !this.wakeLock.held &&
      (!this.wakeLock.supported || this.wakeLock.failed)
    ) {
      off.push("The screen may sleep: keeping it on is not supported here.");
    }
    return off;
  }

  stop() {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.interval);
    clearTimeout(this.closeTimer);
    cancelAnimationFrame(this.raf);
    this.voice.stop();
    this.voice.detach();
    this.wakeLock.release();
    this.clock?.close();
  }
}
