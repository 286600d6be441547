// "Film this set" (issue 19 §1, issue 20 §2): the timer's switch that films the set with the
// rear camera while it runs. The Start tap that starts the set asks for the camera (browsers
// only grant it inside a tap); MediaRecorder records video only, so the timer's sound plays on.
// At DONE the recording stops and is handed to the set review (review/handover.js); once the
// log prompt is answered (`hipthrust:set-logged`, whose entry ids go along so that the review
// can add its measured tempo to them) or skipped, the review opens with the plan just run as
// its target. A refused or missing camera is one line in the page and never stops the set.

import { storeRecording } from "../review/handover.js";

const FILM_KEY = "hipthrust.timer.film";
const REVIEW_PAGE = new URL("../../tools/set-review/", import.meta.url);
// The first type this engine can record (as the set review's own filming does).
const TYPES = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm", "video/mp4"];
const SKIP = '[data-testid="log-skip"]';

/**
 * @typedef {object} FilmSetHooks
 * @property {() => Record<string, string | number> | null} plan the plan of the set that runs
 * @property {() => string | null} step the step to judge the top against (the preset's key)
 */

/** @returns {boolean} */
function canFilm() {
  return Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder === "function";
}

/**
 * The page's one line when the camera cannot film.
 * @param {unknown} error
 * @returns {string}
 */
function notPossible(error) {
  const name = error instanceof Error ? error.name : "";
  const why =
    name === "NotAllowedError" || name === "SecurityError"
      ? "the camera was refused"
      : name === "NotFoundError" || name === "OverconstrainedError"
        ? "no rear camera was found"
        : canFilm()
          ? "the camera did not start"
          : "this browser cannot film here";
  return `Filming was not possible: ${why}. The set runs without it.`;
}

export class FilmSet {
  /**
   * @param {HTMLElement} root the timer
   * @param {FilmSetHooks} hooks
   */
  constructor(root, hooks) {
    this.root = root;
    this.hooks = hooks;
    this.toggle = /** @type {HTMLInputElement} */ (root.querySelector('[data-testid="film-set"]'));
    this.status = /** @type {HTMLElement} */ (
      root.querySelector('[data-testid="film-set-status"]')
    );
    this.toggle.checked = recall() === "on";
    this.onToggle = () => keep(this.toggle.checked ? "on" : "off");
    this.toggle.addEventListener("change", this.onToggle);
    this.take = 0;
    /** @type {MediaStream | null} */
    this.stream = null;
    /** @type {MediaRecorder | null} */
    this.recorder = null;
    /** @type {Promise<string | null> | null} the stored recording's key, once DONE */
    this.stored = null;
    /** @type {MediaRecorder | null} the recorder whose video goes to the review */
    this.keeping = null;
    /** @type {Record<string, string | number> | null} */
    this.plan = null;
    this.onLogged = (/** @type {Event} */ event) => {
      const entries = /** @type {CustomEvent} */ (event).detail?.entries ?? [];
      this.openReview(
        entries.map((/** @type {{id: string}} */ e) => e.id),
        entries[0]?.step,
      );
    };
    this.onClick = (/** @type {Event} */ event) => {
      const target = /** @type {Element} */ (event.target);
      if (target.closest?.(SKIP)) this.openReview([], null);
    };
    root.addEventListener("hipthrust:set-logged", this.onLogged);
    root.addEventListener("click", this.onClick);
  }

  /** @param {string} change what just happened to the timer (timer/session.js) */
  changed(change) {
    if (change === "start") this.start();
    else if (change === "done") this.finish();
    else if (change === "stop") this.cancel();
  }

  /** Synchronously inside the Start tap: ask for the rear camera, then record. */
  start() {
    this.cancel();
    if (!this.toggle.checked) return;
    this.plan = this.hooks.plan();
    if (!canFilm()) return this.say("failed", notPossible(null));
    const take = this.take;
    this.say("asking", "Starting the camera…");
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then((stream) => {
        if (take !== this.take) return stopTracks(stream); // the set ended meanwhile
        this.stream = stream;
        this.record(stream);
      })
      .catch((error) => {
        if (take === this.take) this.say("failed", notPossible(error));
      });
  }

  /** @param {MediaStream} stream */
  record(stream) {
    const type = TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
    /** @type {Blob[]} */
    const chunks = [];
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
    recorder.addEventListener("dataavailable", (event) => {
      if (event.data.size) chunks.push(event.data);
    });
    recorder.addEventListener("stop", () => {
      if (this.keeping !== recorder) return; // stopped with the set: nothing to review
      this.keeping = null;
      this.stored = this.keep(
        new Blob(chunks, { type: recorder.mimeType || type || "video/webm" }),
      );
    });
    recorder.start(1000);
    this.recorder = recorder;
    this.say("recording", "Filming this set.");
  }

  /** DONE: stop filming; the review opens after the log prompt. */
  finish() {
    const recorder = this.recorder;
    this.take += 1;
    this.recorder = null;
    this.keeping = recorder;
    if (recorder?.state === "recording") recorder.stop();
    else if (this.root.dataset.filming === "asking") this.say("", "");
    this.release();
  }

  /**
   * @param {Blob} blob
   * @returns {Promise<string | null>}
   */
  async keep(blob) {
    if (!blob.size) {
      this.say("failed", "The camera recorded nothing: the set was not filmed.");
      return null;
    }
    try {
      const key = await storeRecording(blob);
      this.say("ready", "Filmed. Log the set or skip, and its review opens.");
      return key;
    } catch {
      this.say("failed", "The video could not be kept on this phone: no review this time.");
      return null;
    }
  }

  /**
   * Go to the review of the recording, with the plan as target and the logged entries.
   * @param {string[]} ids
   * @param {string | null | undefined} step
   */
  openReview(ids, step) {
    const stored = this.stored;
    const plan = this.plan;
    this.stored = null;
    if (!stored) return;
    void stored.then((key) => {
      if (!key) return;
      const url = new URL(REVIEW_PAGE);
      if (plan?.tempo) url.searchParams.set("tempo", String(plan.tempo));
      const chosen = step ?? this.hooks.step();
      if (chosen) url.searchParams.set("step", chosen);
      url.searchParams.set("recording", key);
      if (ids.length) url.searchParams.set("entries", ids.join(" "));
      location.assign(url.href);
    });
  }

  /** The set was stopped (or a new one starts): drop the recording. */
  cancel() {
    this.take += 1;
    const recorder = this.recorder;
    this.recorder = null;
    this.stored = null;
    this.keeping = null;
    if (recorder?.state === "recording") recorder.stop();
    this.release();
    this.say("", "");
  }

  release() {
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
  }

  /**
   * @param {string} state for the tests and bug reports
   * @param {string} text
   */
  say(state, text) {
    this.root.dataset.filming = state;
    this.status.textContent = text;
  }

  destroy() {
    this.cancel();
    this.toggle.removeEventListener("change", this.onToggle);
    this.root.removeEventListener("hipthrust:set-logged", this.onLogged);
    this.root.removeEventListener("click", this.onClick);
  }
}

/** @param {MediaStream} stream */
function stopTracks(stream) {
  for (const track of stream.getTracks()) track.stop();
}

/** @returns {string | null} */
function recall() {
  try {
    return localStorage.getItem(FILM_KEY);
  } catch {
    return null;
  }
}

/** @param {string} value */
function keep(value) {
  try {
    localStorage.setItem(FILM_KEY, value);
  } catch {
    /* private mode: off again next time */
  }
}
