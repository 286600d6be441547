// Filming a set in the page: the rear camera's live view, a countdown (time to lie down), then
// MediaRecorder records until Stop. The recording stays in memory on this device and is handed
// to the page as a File, exactly as if it had been chosen. No camera (refused, absent, no
// secure context): a sentence, and the file picker still works.

import { cameraMessage } from "../checker/camera.js";

export const COUNTDOWN_S = 5;
// The first type this engine can record: WebM where it can (Chromium, Firefox), MP4 otherwise
// (Safari); the set review reads both.
const TYPES = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm", "video/mp4"];

/** True when this browser can film in the page at all. */
export function canRecord() {
  return Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder === "function";
}

export class Recorder {
  /**
   * @param {HTMLElement} panel the camera panel of the page (live view, countdown, buttons)
   * @param {{onFile: (file: File) => void, onError: (text: string) => void}} hooks
   */
  constructor(panel, hooks) {
    this.panel = panel;
    this.hooks = hooks;
    /** @type {MediaStream | null} */
    this.stream = null;
    /** @type {MediaRecorder | null} */
    this.recorder = null;
    this.run = 0;
    this.disposed = false;
    const $ = (/** @type {string} */ id) =>
      /** @type {HTMLElement} */ (panel.querySelector(`[data-testid="${id}"]`));
    this.video = /** @type {HTMLVideoElement} */ (panel.querySelector("video"));
    this.countdown = $("record-countdown");
    this.status = $("record-status");
    this.startButton = /** @type {HTMLButtonElement} */ ($("record-start"));
    this.stopButton = /** @type {HTMLButtonElement} */ ($("record-stop"));
    this.onClick = (/** @type {Event} */ event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      const id = /** @type {HTMLElement | null} */ (target.closest?.("[data-testid]"))?.dataset
        .testid;
      if (id === "record-start") void this.start();
      else if (id === "record-stop") this.stop();
      else if (id === "record-close") this.close();
    };
    panel.addEventListener("click", this.onClick);
  }

  /** Open the rear camera and show its live view; a refusal becomes a sentence. */
  async open() {
    if (this.stream) return;
    try {
      if (!canRecord()) throw Object.assign(new Error("no camera API"), { name: "NoCamera" });
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 } },
        audio: false,
      });
    } catch (error) {
      this.hooks.onError(
        cameraMessage(error).replace("“Choose or take a photo”", "“Choose a video”"),
      );
      return;
    }
    this.video.srcObject = this.stream;
    this.panel.hidden = false;
    this.startButton.disabled = false;
    this.stopButton.disabled = true;
  }

  /** Count down, then record until Stop. */
  async start() {
    if (!this.stream || this.recorder) return;
    const run = (this.run += 1);
    this.startButton.disabled = true;
    this.stopButton.disabled = false;
    for (let left = COUNTDOWN_S; left > 0; left -= 1) {
      this.countdown.hidden = false;
      this.countdown.textContent = String(left);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (run !== this.run) return;
    }
    this.countdown.hidden = true;
    const type = TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
    /** @type {Blob[]} */
    const chunks = [];
    const recorder = new MediaRecorder(this.stream, type ? { mimeType: type } : {});
    recorder.addEventListener(
      "dataavailable",
      (event) => event.data.size && chunks.push(event.data),
    );
    recorder.addEventListener("stop", () => {
      const mime = recorder.mimeType || type || "video/webm";
      const extension = mime.startsWith("video/mp4") ? "mp4" : "webm";
      const file = new File(chunks, `set-${new Date().toISOString().slice(0, 19)}.${extension}`, {
        type: mime,
      });
      this.close();
      if (!this.disposed && file.size > 0) this.hooks.onFile(file);
    });
    recorder.start(1000);
    this.recorder = recorder;
    this.status.textContent = "Recording… tap Stop after your last rep.";
  }

  /** Stop: during the countdown it cancels; while recording it hands the video over. */
  stop() {
    if (this.recorder) {
      this.recorder.stop();
      this.recorder = null;
      return;
    }
    this.run += 1;
    this.countdown.hidden = true;
    this.startButton.disabled = false;
    this.stopButton.disabled = true;
  }

  /** Release the camera (also when the page is left). */
  close() {
    this.run += 1;
    if (this.recorder?.state === "recording") this.recorder.stop();
    this.recorder = null;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.video.srcObject = null;
    this.panel.hidden = true;
    this.countdown.hidden = true;
  }

  dispose() {
    this.disposed = true;
    this.panel.removeEventListener("click", this.onClick);
    this.close();
  }
}
