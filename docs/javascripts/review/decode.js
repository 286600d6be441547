// Stage 1 of the set review: video file -> frames with the video's own timestamps.
// Two paths, chosen per file:
// - "webcodecs": MP4/MOV where the engine has VideoDecoder and can decode the track's codec:
//   demuxed (mp4box) and decoded in ./decode-worker.js, off the main thread;
// - "video": anything else (WebM, engines without WebCodecs): a hidden <video> element, seeked
//   to each sampling time; the frame's time is the one requestVideoFrameCallback reports
//   (`mediaTime`), or the element's own `currentTime` after the seek where it is missing.
// Either way each frame arrives shrunk (long side <= maxSide), upright (rotation metadata
// honoured: the worker turns it, the element does it itself) and is the caller's to close.
// Failures are VideoError with a `reason` the page turns into a sentence.

export class VideoError extends Error {
  /** @param {string} reason "empty" | "not-video" | "no-picture" | "codec" | "failed" @param {string} [detail] */
  constructor(reason, detail = "") {
    super(detail || reason);
    this.reason = reason;
  }
}

/**
 * @typedef {object} VideoInfo
 * @property {"webcodecs" | "video"} path
 * @property {number} duration seconds
 * @property {number} width upright width (px)
 * @property {number} height upright height (px)
 * @property {number} rotation degrees the file asks the picture to be turned
 * @property {string} codec e.g. "avc1.64001f" ("" when the element decodes it)
 * @property {string} container "mp4" | "webm" | "other"
 */
/** @typedef {{t: number, bitmap: ImageBitmap}} Frame */

const HEVC = /^(hev1|hvc1|dvh1|dvhe)/;

/** What the first bytes say: "mp4" (MP4/MOV/3GP), "webm" (Matroska/WebM) or "other". */
async function container(/** @type {Blob} */ file) {
  const bytes = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const ascii = String.fromCharCode(...bytes.slice(4, 8));
  if (["ftyp", "moov", "mdat", "wide", "free", "skip"].includes(ascii)) return "mp4";
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)
    return "webm";
  return "other";
}

/** An opened video: `info` says what it is; `frames()` walks it; `close()` frees everything. */
export class VideoSource {
  /** @param {VideoInfo} info @param {WorkerSource | ElementSource} impl */
  constructor(info, impl) {
    this.info = info;
    this.impl = impl;
  }

  /**
   * Open `file`, by WebCodecs where this engine can, else by a <video> element.
   * @param {File} file
   * @returns {Promise<VideoSource>}
   */
  static async open(file) {
    if (!file || file.size === 0) throw new VideoError("empty");
    const kind = await container(file);
    /** @type {string} */
    let codec = "";
    if (kind === "mp4" && typeof VideoDecoder === "function") {
      // Whatever the demuxer cannot handle (a fragmented recording, an odd box, a codec this
      // decoder lacks) is left to the <video> element, which has the last word.
      const worker = await WorkerSource.open(file).catch((error) => error);
      if (!(worker instanceof Error)) {
        if (worker.header.supported) return new VideoSource(worker.info(kind), worker);
        codec = worker.header.codec;
        worker.close();
      }
    }
    try {
      const element = await ElementSource.open(file);
      return new VideoSource(element.info(kind, codec), element);
    } catch (error) {
      if (!(error instanceof VideoError)) throw error;
      if (error.reason === "codec" && HEVC.test(codec)) throw new VideoError("codec", "hevc");
      // Bytes that are neither MP4/MOV nor WebM that the element refuses: not a video at all.
      if (error.reason === "codec" && kind === "other") throw new VideoError("not-video");
      throw error;
    }
  }

  /**
   * The frames, one per 1/fps seconds of the video (or the ones nearest `times`).
   * @param {{fps?: number, times?: number[], maxSide: number, signal?: AbortSignal}} options
   * @returns {AsyncGenerator<Frame>}
   */
  frames(options) {
    return this.impl.frames(options);
  }

  close() {
    this.impl.close();
  }
}

// --- WebCodecs, in the decode worker --------------------------------------------------------------

let runIds = 0;
/** @type {Worker | null} */
let sharedWorker = null;

/**
 * The one decode worker of the page, started ahead (`prepareDecoder` on the page's mount), so
 * choosing a video fetches nothing, and kept for every video until the page is left.
 * @returns {Worker}
 */
function decodeWorker() {
  if (!sharedWorker) {
    const worker = new Worker(new URL("./decode-worker.js", import.meta.url), {
      type: "module",
      name: "video-decoder",
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      if (sharedWorker === worker) sharedWorker = null;
      worker.terminate();
    });
    sharedWorker = worker;
  }
  return sharedWorker;
}

/** Start the decode worker now (where the engine has WebCodecs), not when a video is chosen. */
export function prepareDecoder() {
  if (typeof VideoDecoder === "function") decodeWorker();
}

/** Stop the decode worker (the page is being left). */
export function disposeDecoder() {
  sharedWorker?.terminate();
  sharedWorker = null;
}

class WorkerSource {
  /** @param {Worker} worker @param {any} header */
  constructor(worker, header) {
    this.worker = worker;
    this.header = header;
  }

  /** @param {File} file @returns {Promise<WorkerSource>} */
  static open(file) {
    const worker = decodeWorker();
    const id = (runIds += 1);
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
      };
      const onMessage = (/** @type {MessageEvent} */ event) => {
        const message = event.data;
        if (message.id !== id) return;
        done();
        if (message.type === "info") resolve(new WorkerSource(worker, message));
        else reject(new VideoError(message.kind, message.message));
      };
      const onError = (/** @type {ErrorEvent} */ event) => {
        done();
        reject(new VideoError("failed", event.message ?? "the decoder could not start"));
      };
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      worker.postMessage({ type: "open", id, file });
    });
  }

  /** @param {string} kind @returns {VideoInfo} */
  info(kind) {
    const { duration, width, height, rotation, codec } = this.header;
    return { path: "webcodecs", duration, width, height, rotation, codec, container: kind };
  }

  /** @param {{fps?: number, times?: number[], maxSide: number, signal?: AbortSignal}} options */
  async *frames({ fps, times, maxSide, signal }) {
    const id = (runIds += 1);
    /** @type {any[]} */
    const queue = [];
    /** @type {(() => void) | null} */
    let wake = null;
    const listener = (/** @type {MessageEvent} */ event) => {
      if (event.data.id !== id) return;
      queue.push(event.data);
      wake?.();
    };
    const stop = () => {
      this.worker.postMessage({ type: "stop", id });
      queue.push({ type: "aborted" });
      wake?.();
    };
    this.worker.addEventListener("message", listener);
    signal?.addEventListener("abort", stop);
    this.worker.postMessage({ type: "run", id, fps, times, maxSide });
    try {
      for (;;) {
        if (queue.length === 0) await new Promise((resolve) => (wake = () => resolve(null)));
        const message = queue.shift();
        if (!message) continue;
        if (message.type === "frame") {
          this.worker.postMessage({ type: "ack", id });
          yield { t: message.t, bitmap: message.bitmap };
        } else if (message.type === "error") {
          throw new VideoError(message.kind === "codec" ? "codec" : "failed", message.message);
        } else {
          return; // end, or aborted
        }
      }
    } finally {
      for (const left of queue) left.bitmap?.close?.();
      this.worker.removeEventListener("message", listener);
      signal?.removeEventListener("abort", stop);
      this.worker.postMessage({ type: "stop", id });
    }
  }

  close() {
    this.worker.postMessage({ type: "close" });
  }
}

const FRAME_WAIT_MS = 3000; // longest wait for a seeked frame's data (frameReady)

// --- A <video> element, seeked frame by frame ------------------------------------------------------

class ElementSource {
  /** @param {HTMLVideoElement} video @param {string} url */
  constructor(video, url) {
    this.video = video;
    this.url = url;
  }

  /** @param {File} file @returns {Promise<ElementSource>} */
  static async open(file) {
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.preload = "auto";
    const url = URL.createObjectURL(file);
    const source = new ElementSource(video, url);
    try {
      await new Promise((resolve, reject) => {
        video.addEventListener("loadeddata", resolve, { once: true });
        video.addEventListener("error", () => reject(elementError(video.error)), { once: true });
        video.src = url;
      });
    } catch (error) {
      source.close();
      throw error;
    }
    if (!(video.videoWidth > 0 && video.videoHeight > 0)) {
      source.close();
      throw new VideoError("no-picture");
    }
    if (!Number.isFinite(video.duration)) {
      // Recorded WebM has no duration until the end has been seen: seek far to learn it.
      await seek(video, 1e9);
    }
    return source;
  }

  /** @param {string} kind @param {string} codec @returns {VideoInfo} */
  info(kind, codec) {
    const { duration, videoWidth: width, videoHeight: height } = this.video;
    return { path: "video", duration, width, height, rotation: 0, codec, container: kind };
  }

  /** @param {{fps?: number, times?: number[], maxSide: number, signal?: AbortSignal}} options */
  async *frames({ fps = 10, times, maxSide, signal }) {
    const { video } = this;
    const duration = video.duration;
    const wanted = times ?? [];
    if (!times) for (let t = 0; t < duration; t += 1 / fps) wanted.push(t);
    const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
    const resize = {
      resizeWidth: Math.max(1, Math.round(video.videoWidth * scale)),
      resizeHeight: Math.max(1, Math.round(video.videoHeight * scale)),
      resizeQuality: /** @type {ResizeQuality} */ ("medium"),
    };
    let last = -1;
    for (const time of wanted) {
      if (signal?.aborted) return;
      const t = await seek(video, time);
      if (t <= last) continue; // two sampling times landed on the same frame
      last = t;
      await frameReady(video);
      yield { t, bitmap: await createImageBitmap(video, resize) };
    }
  }

  close() {
    this.video.removeAttribute("src");
    this.video.load();
    URL.revokeObjectURL(this.url);
  }
}

/**
 * Seek and resolve with the shown frame's own time: requestVideoFrameCallback's mediaTime where
 * the engine has it (and reports one for a paused seek), else the element's currentTime.
 * @param {HTMLVideoElement} video @param {number} time
 */
function seek(video, time) {
  return new Promise((resolve, reject) => {
    /** @type {number | null} */
    let mediaTime = null;
    let seeked = false;
    const finish = () => {
      video.removeEventListener("error", failed);
      resolve(Math.round((mediaTime ?? video.currentTime) * 1e6) / 1e6);
    };
    const failed = () => reject(elementError(video.error));
    video.addEventListener("error", failed, { once: true });
    if ("requestVideoFrameCallback" in video) {
      video.requestVideoFrameCallback((_now, metadata) => {
        mediaTime = metadata.mediaTime;
        if (seeked) finish();
      });
    }
    video.addEventListener(
      "seeked",
      () => {
        seeked = true;
        // Where a paused seek brings no frame callback, the element's time is the frame's.
        if (mediaTime !== null || !("requestVideoFrameCallback" in video)) finish();
        else setTimeout(() => mediaTime === null && finish(), 250);
      },
      { once: true },
    );
    video.currentTime = Math.min(time, Number.isFinite(video.duration) ? video.duration : time);
  });
}

/**
 * Resolve once the element holds the shown frame's data. Firefox can fire `seeked` before it
 * does, and createImageBitmap then throws "Passed-in video does not have enough data" (seen on
 * the HEVC clip, 1 run in 3). Waits at most FRAME_WAIT_MS: past that, createImageBitmap's own
 * error reaches the page as a message.
 * @param {HTMLVideoElement} video
 */
function frameReady(video) {
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) return Promise.resolve();
  return new Promise((resolve) => {
    const started = performance.now();
    const poll = setInterval(() => {
      const ready = video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA;
      if (ready || performance.now() - started > FRAME_WAIT_MS) {
        clearInterval(poll);
        resolve(undefined);
      }
    }, 20);
  });
}

/** @param {MediaError | null} error */
function elementError(error) {
  // MEDIA_ERR_SRC_NOT_SUPPORTED (4): not a format or codec this engine plays.
  if (error?.code === 4) return new VideoError("codec", error.message);
  if (error?.code === 3) return new VideoError("codec", error.message);
  return new VideoError("not-video", error?.message ?? "");
}
