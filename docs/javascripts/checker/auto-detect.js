// "Find my joints": the checker's side of the pose detector. The model (checker/detector.js)
// is fetched only when the user first asks; once it is on the phone it runs by itself on each
// new photo unless the user turned that off. This module owns the button, the status line
// (data-state: idle | loading | running | done | none | failed) and the setting; what the
// keypoints mean (near side, working leg, points to check, the view) is Python's
// (hipthrust.web_checker.checker_detect), called through onKeypoints.

import * as detectorModule from "./detector.js";

/** @import { Keypoint } from "./detector-protocol.js" */
/** @import { OpenedPhoto } from "./photo.js" */
/** @typedef {OpenedPhoto & {id: number}} Photo the photo on screen; `id` changes with each photo */
/**
 * What the page does with the keypoints (Python's checker_detect); `found`/`message` say what
 * the status line shows, undefined: the photo changed meanwhile, show nothing.
 * @typedef {object} AutoDetectHooks
 * @property {(keypoints: Keypoint[], photoId: number, how: {automatic: boolean}) =>
 *   Promise<{found: boolean, message?: string | null} | null | undefined>} onKeypoints
 */
/**
 * @typedef {object} AutoDetectParts
 * @property {HTMLButtonElement} button "Find my joints"
 * @property {HTMLElement} status the status line (data-state)
 * @property {HTMLProgressElement} progress the download's progress
 * @property {HTMLInputElement} setting the "run by itself" checkbox
 */

const SETTING_KEY = "hipthrust.checker.autoDetect";
const DOWNLOAD_MB = Math.round(detectorModule.DETECTOR.bytes / 1e6);

/** @param {number} bytes */
function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1);
}

function readSetting() {
  try {
    return localStorage.getItem(SETTING_KEY) !== "off";
  } catch {
    return true; // storage blocked (private mode): the default
  }
}

/** @param {boolean} on */
function writeSetting(on) {
  try {
    localStorage.setItem(SETTING_KEY, on ? "on" : "off");
  } catch {
    // storage blocked: the setting lasts for this visit only
  }
}

export class AutoDetect {
  /**
   * @param {AutoDetectParts} parts
   * @param {AutoDetectHooks} hooks
   */
  constructor({ button, status, progress, setting }, hooks) {
    this.button = button;
    this.status = status;
    this.progress = progress;
    this.setting = setting;
    this.hooks = hooks;
    this.run = 0;
    this.loaded = false;
    /** @type {typeof detectorModule | null} */
    this.module = null;
    this.setting.checked = readSetting();
    this.onSetting = () => writeSetting(this.setting.checked);
    this.setting.addEventListener("change", this.onSetting);
    this.reset();
  }

  destroy() {
    this.run += 1;
    this.setting.removeEventListener("change", this.onSetting);
    this.module?.disposeDetector?.();
  }

  /**
   * @param {"idle" | "loading" | "running" | "done" | "none" | "failed"} state
   * @param {string} text
   */
  setState(state, text) {
    this.status.dataset.state = state;
    this.status.textContent = text;
    this.progress.hidden = state !== "loading";
    this.button.disabled = state === "loading" || state === "running";
  }

  /** A new photo: nothing found yet, whatever the last photo gave. */
  reset() {
    this.run += 1;
    this.setState(
      "idle",
      this.loaded
        ? "Find my joints places the points for you. Check them before you trust the numbers."
        : `Find my joints places the points for you, on this phone (a one-time download of about ${DOWNLOAD_MB} MB).`,
    );
  }

  async detector() {
    this.module = detectorModule;
    return detectorModule;
  }

  /**
   * After a photo opens: run by itself when the model is already here and the user wants that.
   * @param {Photo} photo
   */
  async maybeRunByItself(photo) {
    if (!this.setting.checked) return;
    const detector = await this.detector().catch(() => null);
    if (!detector || !(this.loaded || (await detector.isDetectorCached().catch(() => false))))
      return;
    await this.detect(photo, { automatic: true });
  }

  /**
   * Load the model if needed, find the keypoints of ``photo`` and hand them to onKeypoints.
   * @param {Photo} photo
   * @param {{automatic?: boolean}} [how] automatic: it ran by itself (a new photo)
   */
  async detect(photo, { automatic = false } = {}) {
    this.run += 1;
    const mine = this.run;
    const stale = () => mine !== this.run;
    try {
      const detector = await this.detector();
      if (!this.loaded) {
        this.setState("loading", "Downloading the pose model…");
        await detector.loadDetector({
          onProgress: ({ loaded, total }) => {
            if (stale()) return;
            this.progress.max = total || 1;
            this.progress.value = Math.min(loaded, total || loaded);
            this.status.textContent = total
              ? `Downloading the pose model: ${megabytes(loaded)} of ${megabytes(total)} MB (once; it stays on this phone).`
              : `Downloading the pose model: ${megabytes(loaded)} MB (once; it stays on this phone).`;
          },
        });
        this.loaded = true; // detector.js asks the service worker to keep the files offline
      }
      if (stale()) return;
      this.setState("running", "Finding your joints on this phone…");
      const { keypoints } = await detector.detectPose(photo.display, {
        width: photo.width,
        height: photo.height,
      });
      if (stale()) return;
      const outcome = await this.hooks.onKeypoints(keypoints, photo.id, { automatic });
      if (stale() || !outcome) return;
      if (outcome.found) {
        this.setState(
          "done",
          outcome.message ??
            "Points placed by the detector. Check the points marked “?”, then read the results.",
        );
      } else {
        this.setState(
          "none",
          outcome.message ??
            "No person found in this photo. Place the points yourself, or take another photo.",
        );
      }
    } catch (error) {
      if (stale()) return;
      const message = /** @type {{message?: string} | null | undefined} */ (error)?.message;
      const reason = message ? ` ${message}` : "";
      this.setState(
        "failed",
        `The joints could not be found automatically.${reason} Tap the points in yourself instead.`,
      );
    }
  }
}
