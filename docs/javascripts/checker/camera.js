// "Take the photo for me": a self-timer for lifters training alone. The phone's camera shows a
// live view; after a countdown (time to get onto the bench) it takes a burst over the top of the
// rep and hands the frames to the page, which keeps the one with the highest hips (picked by
// Python from the detector's points) or lets the user pick from thumbnails. Frames stay in
// memory on this device: nothing is recorded or sent.

import { messageOf } from "../errors.js";

/**
 * What the self-timer tells the page.
 * @typedef {object} SelfTimerHooks
 * @property {(frames: ImageBitmap[]) => Promise<void> | void} onFrames the burst, in order
 * @property {(text: string) => void} onError a sentence for the user
 * @property {() => void} [onClose]
 */

export const BURST_MS = 2000;
export const BURST_FPS = 8;
const COUNTDOWNS = [3, 5, 10];
const DEFAULT_COUNTDOWN = 5;

/**
 * The camera's failure as a sentence for the user.
 * @param {unknown} error what getUserMedia threw
 */
export function cameraMessage(error) {
  const name = /** @type {{name?: string} | null | undefined} */ (error)?.name ?? "";
  if (!navigator.mediaDevices?.getUserMedia) {
    return "This browser gives this page no camera (it needs a secure https:// address). Use “Choose or take a photo” instead: your phone's camera app has a self-timer too.";
  }
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Camera access was refused. Allow the camera for this site in the browser's settings, or use “Choose or take a photo”.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return "No camera was found on this device. Use “Choose or take a photo” instead.";
  }
  if (name === "NotReadableError" || name === "AbortError") {
    return "The camera is busy (another app may be using it). Close it and try again, or choose a photo.";
  }
  return `The camera could not start (${messageOf(error)}). Use “Choose or take a photo” instead.`;
}

/** @param {number} ms */
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class SelfTimer {
  /**
   * @param {HTMLElement} panel where the live view goes (shown while open)
   * @param {SelfTimerHooks} hooks
   */
  constructor(panel, hooks) {
    this.panel = panel;
    this.hooks = hooks;
    /** @type {MediaStream | null} */
    this.stream = null;
    this.run = 0;
    panel.innerHTML = `
      <div class="checker-camera__view">
        <video class="checker-camera__video" playsinline muted autoplay aria-label="Camera view"></video>
        <p class="checker-camera__countdown" data-testid="camera-countdown" aria-live="assertive" hidden></p>
      </div>
      <p class="checker-camera__status" data-testid="camera-status" role="status">Prop the phone side-on at hip height, 2–3 m away, whole body in view.</p>
      <div class="checker-toolbar">
        <label class="checker-camera__delay">Countdown
          <select data-testid="camera-delay">${COUNTDOWNS.map((s) => `<option value="${s}"${s === DEFAULT_COUNTDOWN ? " selected" : ""}>${s} s</option>`).join("")}</select>
        </label>
        <button type="button" class="md-button md-button--primary" data-testid="camera-start">Start</button>
        <button type="button" class="md-button" data-testid="camera-close">Close camera</button>
      </div>
      <div class="checker-camera__frames" data-testid="camera-frames" hidden></div>`;
    // The markup above is ours: every part is there.
    this.video = /** @type {HTMLVideoElement} */ (panel.querySelector("video"));
    this.countdown = /** @type {HTMLElement} */ (
      panel.querySelector('[data-testid="camera-countdown"]')
    );
    this.status = /** @type {HTMLElement} */ (panel.querySelector('[data-testid="camera-status"]'));
    this.delay = /** @type {HTMLSelectElement} */ (
      panel.querySelector('[data-testid="camera-delay"]')
    );
    this.startButton = /** @type {HTMLButtonElement} */ (
      panel.querySelector('[data-testid="camera-start"]')
    );
    this.frames = /** @type {HTMLElement} */ (panel.querySelector('[data-testid="camera-frames"]'));
    /** @param {Event} event */
    this.onClick = (event) => {
      const target = /** @type {Element} */ (event.target);
      const id = /** @type {HTMLElement | null} */ (target.closest?.("[data-testid]"))?.dataset
        .testid;
      if (id === "camera-start") this.start();
      else if (id === "camera-close") this.close();
    };
    panel.addEventListener("click", this.onClick);
  }

  get isOpen() {
    return Boolean(this.stream);
  }

  /** @param {string} text */
  say(text) {
    this.status.textContent = text;
  }

  async open() {
    if (this.stream) return;
    if (!navigator.mediaDevices?.getUserMedia)
      throw Object.assign(new Error("no getUserMedia"), { name: "NoCamera" });
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: "environment", width: { ideal: 1920 }, height: { ideal: 1080 } },
    });
    this.video.srcObject = this.stream;
    this.frames.hidden = true;
    this.frames.replaceChildren();
    this.panel.hidden = false;
    this.startButton.disabled = false;
    await this.video.play().catch(() => {});
    this.panel.scrollIntoView({ block: "nearest" });
  }

  /** Countdown, then the burst; the frames go to hooks.onFrames. */
  async start() {
    this.run += 1;
    const mine = this.run;
    this.startButton.disabled = true;
    this.frames.hidden = true;
    try {
      for (let left = Number(this.delay.value) || DEFAULT_COUNTDOWN; left > 0; left -= 1) {
        this.countdown.hidden = false;
        this.countdown.textContent = String(left);
        this.say(`Get into position: the burst starts in ${left} s. Drive up and hold the top.`);
        await wait(1000);
        if (mine !== this.run) return;
      }
      this.countdown.textContent = "Hold the top!";
      navigator.vibrate?.(200);
      const frames = await this.burst(mine);
      if (mine !== this.run) {
        for (const frame of frames) frame.close?.();
        return;
      }
      this.countdown.hidden = true;
      if (!frames.length) throw new Error("the camera gave no picture");
      this.say(`Took ${frames.length} frames.`);
      await this.hooks.onFrames(frames);
    } catch (error) {
      this.countdown.hidden = true;
      if (mine === this.run)
        this.hooks.onError(
          `The self-timer failed: ${messageOf(error)}. Try again, or choose a photo.`,
        );
    } finally {
      if (mine === this.run) this.startButton.disabled = false;
    }
  }

  /**
   * Frames at BURST_FPS for BURST_MS, while run `mine` is still the current one.
   * @param {number} mine
   */
  async burst(mine) {
    /** @type {ImageBitmap[]} */
    const frames = [];
    const gap = 1000 / BURST_FPS;
    const started = performance.now();
    while (performance.now() - started < BURST_MS && mine === this.run) {
      const due = started + frames.length * gap;
      await wait(Math.max(0, due - performance.now()));
      if (this.video.readyState >= 2 && this.video.videoWidth)
        frames.push(await createImageBitmap(this.video));
    }
    return frames;
  }

  /**
   * Let the user pick a frame (no detector on this phone): thumbnails, onPick(index).
   * @param {ImageBitmap[]} frames
   * @param {(index: number) => void} onPick
   */
  showThumbnails(frames, onPick) {
    this.frames.replaceChildren(
      ...frames.map((frame, index) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "checker-camera__frame";
        button.dataset.testid = `camera-frame-${index}`;
        button.setAttribute("aria-label", `Use frame ${index + 1} of ${frames.length}`);
        const canvas = document.createElement("canvas");
        const scale = 160 / Math.max(frame.width, frame.height);
        canvas.width = Math.round(frame.width * scale);
        canvas.height = Math.round(frame.height * scale);
        canvas.getContext("2d")?.drawImage(frame, 0, 0, canvas.width, canvas.height);
        button.append(canvas);
        button.addEventListener("click", () => onPick(index));
        return button;
      }),
    );
    this.frames.hidden = false;
    this.say("Tap the frame where your hips are highest.");
  }

  close() {
    this.run += 1;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.video.srcObject = null;
    this.countdown.hidden = true;
    this.frames.replaceChildren();
    this.panel.hidden = true;
    this.hooks.onClose?.();
  }

  destroy() {
    this.close();
    this.panel.removeEventListener("click", this.onClick);
  }
}

/**
 * A camera frame as a JPEG file, so it opens like any chosen photo (and can be saved).
 * @param {ImageBitmap} frame
 */
export async function frameToFile(frame) {
  const canvas = document.createElement("canvas");
  canvas.width = frame.width;
  canvas.height = frame.height;
  canvas.getContext("2d")?.drawImage(frame, 0, 0);
  /** @type {Blob} */
  const blob = await new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error("the frame could not be saved"))),
      "image/jpeg",
      0.92,
    ),
  );
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return new File([blob], `self-timer-${stamp}.jpg`, { type: "image/jpeg" });
}
