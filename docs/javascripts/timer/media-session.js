// Hands-free from the bench (issue 20): while a set runs, the phone's lock screen, notification
// shade and earbuds show the phase, rep, set and leg (Media Session API), and their buttons drive
// the timer: play/pause pauses and resumes the set, "next track" skips the rest.
//
// Browsers show a media session only for a playing media element: Web Audio alone (the timer's
// beeps) does not count (w3c/mediasession#213; Chromium shows the controls for an <audio> that
// plays; WebKit ties "Now Playing" to a playing media element too). So a silent WAV, made here
// (no file, no network), loops in an <audio> element from the Start tap until the set ends.
// WebKit clears the handlers and metadata when playback starts, so they are set again on the
// element's "playing" event; iOS fills the transport slots with ±10 s seek buttons unless the
// seek actions are explicitly null, which leaves the slot to "next track".
// The artwork is the site's icon, drawn from the same figure as the timer's (hooks/app_manifest.py).

const ACTIONS = /** @type {const} */ (["play", "pause", "nexttrack"]);
const FREED = /** @type {const} */ (["seekbackward", "seekforward", "seekto", "previoustrack"]);
const SILENCE_SECONDS = 10; // Chromium ignores players shorter than 5 s for its media controls
const SILENCE_RATE = 8000;
const ARTWORK = [
  { src: new URL("../../icons/icon-192.png", import.meta.url).href, sizes: "192x192" },
  { src: new URL("../../icons/icon-512.png", import.meta.url).href, sizes: "512x512" },
].map((image) => ({ ...image, type: "image/png" }));

/**
 * @typedef {object} NowPlaying What the lock screen shows.
 * @property {string} phase the phase word (UP, DOWN, REST…)
 * @property {string} rep e.g. "Rep 2 of 8"
 * @property {string} set e.g. "Set 1 of 3"
 * @property {string} leg e.g. "Right leg"
 * @property {boolean} paused
 */

/**
 * @typedef {object} MediaHandlers What the lock screen's and earbuds' buttons do.
 * @property {() => void} pause
 * @property {() => void} play
 * @property {() => void} next skip the current rest, lead-in or leg switch
 */

/** @returns {MediaSession | null} */
function session() {
  return "mediaSession" in navigator ? navigator.mediaSession : null;
}

/**
 * A mono 8-bit WAV of silence (8-bit PCM is unsigned: silence is 128).
 * @param {number} seconds
 * @returns {Blob}
 */
function silentWav(seconds) {
  const samples = seconds * SILENCE_RATE;
  const bytes = new Uint8Array(44 + samples).fill(128);
  const view = new DataView(bytes.buffer);
  /** @type {(offset: number, text: string) => void} */
  const ascii = (offset, text) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples, true);
  ascii(8, "WAVEfmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SILENCE_RATE, true);
  view.setUint32(28, SILENCE_RATE, true); // bytes per second
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, samples, true);
  return new Blob([bytes], { type: "audio/wav" });
}

/** The media session of one run: `start` in the Start tap, `show` on each phase, `stop` at the end. */
export class SetMediaSession {
  /**
   * @param {MediaHandlers} handlers
   * @param {(state: "off" | "waiting" | "playing") => void} [report] how far this browser went:
   *   no Media Session at all, handlers set but no media playing (no lock-screen controls), or
   *   the silent element playing (the platform may show the controls)
   */
  constructor(handlers, report = () => {}) {
    this.handlers = handlers;
    this.report = report;
    /** @type {HTMLAudioElement | null} */
    this.element = null;
    this.url = "";
    this.shown = "";
    this.active = false;
    /** Whether the silent element plays: the lock-screen controls need it. */
    this.playing = false;
    /** @type {NowPlaying | null} */
    this.now = null;
    this.onPlaying = () => {
      this.playing = true;
      this.report("playing");
      this.register(); // WebKit drops handlers and metadata when playback starts
      this.shown = "";
      if (this.now) this.show(this.now);
    };
  }

  /** Whether this browser has the Media Session API at all. */
  static get supported() {
    return session() !== null;
  }

  /** Call synchronously inside the Start tap: iOS lets a media element play only from a gesture. */
  start() {
    this.active = true;
    this.register();
    if (!session()) {
      this.report("off");
      return;
    }
    this.report("waiting");
    this.url = URL.createObjectURL(silentWav(SILENCE_SECONDS));
    const element = new Audio(this.url);
    element.loop = true;
    element.setAttribute("playsinline", "");
    element.addEventListener("playing", this.onPlaying);
    this.element = element;
    this.resumeElement();
  }

  resumeElement() {
    this.element?.play().catch(() => {
      this.playing = false; // no autoplay here: the on-page controls still work
    });
  }

  register() {
    const media = session();
    if (!media || !this.active) return;
    /** @type {Record<(typeof ACTIONS)[number], () => void>} */
    const actions = {
      play: () => this.handlers.play(),
      pause: () => this.handlers.pause(),
      nexttrack: () => this.handlers.next(),
    };
    for (const action of ACTIONS) setHandler(media, action, actions[action]);
    for (const action of FREED) setHandler(media, action, null);
  }

  /** @param {NowPlaying} now */
  show(now) {
    this.now = now;
    const media = session();
    if (!media || !this.active) return;
    const key = `${now.phase}|${now.rep}|${now.set}|${now.leg}`;
    if (key !== this.shown && typeof MediaMetadata === "function") {
      this.shown = key;
      media.metadata = new MediaMetadata({
        title: `${now.phase} · ${now.rep}`,
        artist: `${now.set} · ${now.leg}`,
        album: "Hip thrust tempo timer",
        artwork: ARTWORK,
      });
    }
    const state = now.paused ? "paused" : "playing";
    if (media.playbackState !== state) media.playbackState = state;
    // The element follows the set, so the lock screen shows "play" while paused.
    if (this.element && now.paused !== this.element.paused) {
      if (now.paused) this.element.pause();
      else this.resumeElement();
    }
  }

  /** The set is over (done, stopped or left): clear the handlers and free the element. */
  stop() {
    if (!this.active) return;
    this.active = false;
    const media = session();
    if (media) {
      for (const action of [...ACTIONS, ...FREED]) setHandler(media, action, null);
      media.metadata = null;
      media.playbackState = "none";
    }
    if (this.element) {
      this.element.removeEventListener("playing", this.onPlaying);
      this.element.pause();
      this.element.removeAttribute("src");
      this.element.load();
      this.element = null;
    }
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = "";
    this.playing = false;
    this.shown = "";
  }
}

/**
 * @param {MediaSession} media
 * @param {MediaSessionAction} action
 * @param {MediaSessionActionHandler | null} handler
 */
function setHandler(media, action, handler) {
  try {
    media.setActionHandler(action, handler);
  } catch {
    /* an action this browser does not know: the others still work */
  }
}
