// The optional extras of a run: screen wake lock, voice lines and vibration. Each one may be
// missing (no Wake Lock API, no voices, no navigator.vibrate on iOS): the run goes on and
// `status()` says what is off, in words for the lifter.

export class WakeLock {
  /** @param {() => void} onChange called when the lock is taken, lost or given back */
  constructor(onChange) {
    /** @type {WakeLockSentinel | null} */
    this.sentinel = null;
    this.wanted = false;
    this.onChange = onChange;
    this.supported = "wakeLock" in (globalThis.navigator ?? {}); // node (tests) has no navigator
    this.failed = false;
  }

  async acquire() {
    this.wanted = true;
    if (!this.supported || this.sentinel || document.visibilityState !== "visible") return;
    try {
      const sentinel = await navigator.wakeLock.request("screen");
      this.sentinel = sentinel;
      this.failed = false;
      // The browser releases it when the page is hidden; `reacquire` takes it again on return.
      sentinel.addEventListener("release", () => {
        this.sentinel = null;
        this.onChange();
      });
    } catch {
      this.failed = true;
    }
    if (!this.wanted) this.release();
    this.onChange();
  }

  reacquire() {
    if (this.wanted) this.acquire();
  }

  release() {
    this.wanted = false;
    const sentinel = this.sentinel;
    this.sentinel = null;
    sentinel?.release().catch(() => {});
    this.onChange();
  }

  get held() {
    return this.sentinel !== null;
  }
}

export class Voice {
  /** @param {() => void} onChange called when the device's voices change */
  constructor(onChange) {
    this.synth = globalThis.speechSynthesis ?? null;
    this.onChange = onChange;
    this.voices = this.synth ? this.synth.getVoices().length : 0;
    this.onVoices = () => {
      this.voices = this.synth?.getVoices().length ?? 0;
      this.onChange();
    };
    this.synth?.addEventListener?.("voiceschanged", this.onVoices);
  }

  get available() {
    return this.synth !== null && this.voices > 0;
  }

  /** Call synchronously inside the Start tap: iOS only lets speech start from a user gesture. */
  prime() {
    if (!this.synth) return;
    this.synth.cancel();
    const silent = new SpeechSynthesisUtterance(" ");
    silent.volume = 0;
    this.synth.speak(silent);
  }

  /**
   * @param {string} text
   * @param {number} volume 0-1
   */
  say(text, volume) {
    if (!this.synth || !this.available) return;
    // A new line replaces one still being spoken: a late phase word is worse than none.
    this.synth.cancel();
    const line = new SpeechSynthesisUtterance(text);
    line.lang = "en";
    line.rate = 1.1;
    line.volume = volume;
    this.synth.speak(line);
  }

  stop() {
    this.synth?.cancel();
  }

  detach() {
    this.synth?.removeEventListener?.("voiceschanged", this.onVoices);
  }
}

export const canVibrate = typeof globalThis.navigator?.vibrate === "function";

/** @param {number[]} pattern */
export function vibrate(pattern) {
  if (canVibrate) navigator.vibrate(pattern);
}
