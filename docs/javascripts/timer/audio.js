// The run's clock and its sounds. With Web Audio the clock is the AudioContext's currentTime and
// every beep is an oscillator started at an exact time on that clock, queued ahead of time, so a
// busy page cannot make it late; pausing suspends the context, which stops the clock and every
// queued sound together. Without Web Audio the clock is performance.now() with pause bookkeeping
// and there is no sound.

const AudioContextClass = globalThis.AudioContext ?? globalThis.webkitAudioContext;

/** Create the clock inside the Start tap (iOS only lets audio start there). */
export function createClock({ volume = 1 } = {}) {
  if (AudioContextClass) {
    try {
      return new AudioClock(new AudioContextClass({ latencyHint: "interactive" }), volume);
    } catch (error) {
      console.warn("Web Audio unavailable:", error);
    }
  }
  return new PerformanceClock();
}

class AudioClock {
  constructor(context, volume) {
    this.context = context;
    this.hasSound = true;
    // iOS: "playback" lets Web Audio sound with the silent switch on (Safari 17+).
    if (navigator.audioSession) {
      try {
        navigator.audioSession.type = "playback";
      } catch {
        /* older Safari: the silent switch mutes beeps */
      }
    }
    this.compressor = context.createDynamicsCompressor();
    this.master = context.createGain();
    this.master.gain.value = volume;
    this.master.connect(this.compressor).connect(context.destination);
    this.queued = new Set();
    context.resume?.(); // synchronously inside the tap: this is what unlocks audio
  }

  now() {
    return this.context.currentTime;
  }

  get state() {
    return this.context.state;
  }

  setVolume(volume) {
    this.master.gain.setValueAtTime(volume, this.context.currentTime);
  }

  /** Play `sound` (from Python's SOUNDS) at `when` seconds on this clock. */
  play(sound, when) {
    const context = this.context;
    const start = Math.max(when, context.currentTime);
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
    oscillator.start(when);
    oscillator.stop(start + sound.seconds);
    const entry = { oscillator, envelope, when };
    this.queued.add(entry);
    oscillator.onended = () => {
      envelope.disconnect();
      this.queued.delete(entry);
    };
  }

  /** Drop every queued sound that has not started by `time` (used when a rest is skipped). */
  cancelAfter(time) {
    for (const entry of this.queued) {
      if (entry.when >= time) {
        entry.oscillator.onended = null;
        try {
          entry.oscillator.stop();
        } catch {
          /* already stopped */
        }
        entry.envelope.disconnect();
        this.queued.delete(entry);
      }
    }
  }

  pause() {
    return this.context.suspend();
  }

  resume() {
    return this.context.resume();
  }

  close() {
    this.cancelAfter(-Infinity);
    if (this.context.state !== "closed") this.context.close().catch(() => {});
  }
}

class PerformanceClock {
  constructor() {
    this.hasSound = false;
    this.pausedAt = null;
    this.offset = 0;
    this.state = "running";
  }

  now() {
    const real = performance.now() / 1000;
    return (this.pausedAt ?? real) - this.offset;
  }

  setVolume() {}

  play() {}

  cancelAfter() {}

  pause() {
    if (this.pausedAt === null) this.pausedAt = performance.now() / 1000;
    this.state = "suspended";
    return Promise.resolve();
  }

  resume() {
    if (this.pausedAt !== null) {
      this.offset += performance.now() / 1000 - this.pausedAt;
      this.pausedAt = null;
    }
    this.state = "running";
    return Promise.resolve();
  }

  close() {
    this.state = "closed";
  }
}
