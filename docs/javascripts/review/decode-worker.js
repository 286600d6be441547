// The set review's decoder (module Web Worker): MP4/MOV demuxed by mp4box (pinned npm package,
// copied into the site by overrides/hooks/video_demuxer.py) and decoded by WebCodecs'
// VideoDecoder, off the main thread. Talked to by ./decode.js only:
//   {type: "open", id, file}              -> {type: "info", id, duration, width, height, rotation,
//                                             codec, supported, frames} | {type: "error", id, kind}
//   {type: "close"}                        -> the movie is let go (the worker stays for the next)
//   {type: "run", id, fps, maxSide, times} -> {type: "frame", id, t, bitmap}... (each answered by
//                                             {type: "ack", id}), then {type: "end", id}
//   {type: "stop", id}                     -> the run ends at the next frame
// Times are the video's own (each sample's composition time over the track's timescale, from
// the first frame shown), never the wall clock. The file is read in slices as the decoder needs
// them and every decoded frame is closed at once: only the sampled ones are drawn, rotated as
// the track says and shrunk to `maxSide`, and at most IN_FLIGHT of them wait for the page.

import { DataStream, Endianness, createFile } from "../vendor/mp4box/mp4box.all.mjs";

const READ_CHUNK = 1 << 20; // bytes read at a time while looking for the movie header
const MAX_HEADER_READS = 4096; // a header not found within this many reads: not a movie
const IN_FLIGHT = 3; // frames handed to the page and not yet seen by the model
const DECODE_AHEAD = 4; // chunks queued in the decoder (each 1080p frame it holds is ~3 MB)

/** @type {{file: File, track: any, samples: any[], start: number, config: VideoDecoderConfig} | null} */
let movie = null;
/** @type {Map<number, {stopped: boolean, acked: number, sent: number, wake: (() => void) | null}>} */
const runs = new Map();

self.addEventListener("message", (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message.type === "open") void open(message.file, message.id);
  else if (message.type === "close") movie = null;
  else if (message.type === "run") void run(message);
  else if (message.type === "ack" || message.type === "stop") {
    const current = runs.get(message.id);
    if (!current) return;
    if (message.type === "ack") current.acked += 1;
    else current.stopped = true;
    current.wake?.();
  }
});

// --- Opening: the movie header --------------------------------------------------------------

/** @param {File} file @param {number} id */
async function open(file, id) {
  try {
    const info = await readHeader(file);
    self.postMessage({ type: "info", id, ...info });
  } catch (error) {
    self.postMessage({
      type: "error",
      id,
      kind: /** @type {any} */ (error)?.kind ?? "failed",
      message: String(/** @type {any} */ (error)?.message ?? error),
    });
  }
}

/** @param {File} file */
async function readHeader(file) {
  const isoFile = createFile();
  /** @type {any} */
  let ready = null;
  isoFile.onReady = (/** @type {any} */ info) => (ready = info);
  isoFile.onError = () => {};
  let position = 0;
  for (let reads = 0; !ready && position < file.size && reads < MAX_HEADER_READS; reads += 1) {
    const buffer = /** @type {any} */ (
      await file.slice(position, position + READ_CHUNK).arrayBuffer()
    );
    buffer.fileStart = position;
    const next = isoFile.appendBuffer(buffer, position + buffer.byteLength >= file.size);
    position = typeof next === "number" && next > position ? next : position + buffer.byteLength;
  }
  if (!ready) throw kind(new Error("no movie header"), "not-video");
  const videoTrack = ready.videoTracks?.[0];
  if (!videoTrack) throw kind(new Error("no video track"), "no-picture");
  const track = isoFile.getTrackById(videoTrack.id);
  const samples = isoFile.getTrackSamplesInfo(videoTrack.id) ?? [];
  if (samples.length === 0) throw kind(new Error("no frames"), "no-picture");
  const config = {
    codec: videoTrack.codec.startsWith("vp08") ? "vp8" : videoTrack.codec,
    codedWidth: videoTrack.video?.width ?? videoTrack.track_width,
    codedHeight: videoTrack.video?.height ?? videoTrack.track_height,
    description: description(track),
  };
  let supported = false;
  try {
    supported = Boolean((await VideoDecoder.isConfigSupported(config)).supported);
  } catch {
    supported = false;
  }
  const start = Math.min(...samples.map((/** @type {any} */ s) => s.cts / s.timescale));
  const end = Math.max(
    ...samples.map((/** @type {any} */ s) => (s.cts + s.duration) / s.timescale),
  );
  movie = { file, track, samples, start, config };
  const rotation = rotationOf(videoTrack.matrix);
  const turned = rotation % 180 !== 0;
  return {
    codec: videoTrack.codec,
    supported,
    duration: end - start,
    width: turned ? config.codedHeight : config.codedWidth,
    height: turned ? config.codedWidth : config.codedHeight,
    rotation,
    frames: samples.length,
  };
}

/** The codec's setup bytes (avcC, hvcC, vpcC or av1C without its box header), if any. */
function description(/** @type {any} */ track) {
  for (const entry of track.mdia.minf.stbl.stsd.entries) {
    const box = entry.avcC ?? entry.hvcC ?? entry.vpcC ?? entry.av1C;
    if (!box) continue;
    const stream = new DataStream(undefined, 0, Endianness.BIG_ENDIAN);
    box.write(stream);
    return new Uint8Array(stream.buffer, 8);
  }
  return undefined;
}

/** Degrees clockwise the picture must turn to stand as filmed (the track header's matrix). */
function rotationOf(/** @type {ArrayLike<number> | undefined} */ matrix) {
  if (!matrix) return 0;
  // The matrix maps the stored picture to the shown one in the track's axes (y up), so its
  // angle is anticlockwise; a canvas turns clockwise for positive angles (y down).
  const degrees = -Math.round((Math.atan2(matrix[1], matrix[0]) * 180) / Math.PI);
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

// --- Running: decode, keep the sampled frames -------------------------------------------------

/**
 * Decode from the right key frame on and hand over the frames the page asked for: every frame
 * at least 1/fps after the last one kept (`fps`), or the frame nearest each of `times`.
 * @param {{id: number, fps?: number, maxSide: number, times?: number[]}} request
 */
async function run({ id, fps, maxSide, times }) {
  const state = { stopped: false, acked: 0, sent: 0, wake: /** @type {any} */ (null) };
  runs.set(id, state);
  try {
    if (!movie) throw kind(new Error("no movie open"), "failed");
    const current = movie; // a later "open" replaces `movie`; this run keeps its own
    const { samples, start } = current;
    const rotation = rotationOf(current.track.tkhd.matrix);
    const wanted = times ? [...times].sort((a, b) => a - b) : null;
    const picker = wanted ? nearestPicker(wanted, samples, start) : gridPicker(fps ?? 10);
    const first = wanted ? keyFrameBefore(samples, wanted[0] + start) : 0;
    await decodeFrom(
      current,
      first,
      state,
      (frame, t) => {
        if (!picker.keep(t)) return;
        const bitmap = draw(frame, maxSide, rotation);
        state.sent += 1;
        self.postMessage({ type: "frame", id, t, bitmap }, [bitmap]);
      },
      (t) => picker.done(t),
    );
    self.postMessage({ type: "end", id });
  } catch (error) {
    self.postMessage({
      type: "error",
      id,
      kind: /** @type {any} */ (error)?.kind ?? "decode",
      message: String(/** @type {any} */ (error)?.message ?? error),
    });
  } finally {
    runs.delete(id);
  }
}

/** Keeps a frame when it is at least one sampling period after the last one kept. */
function gridPicker(/** @type {number} */ fps) {
  const period = 1 / fps;
  let next = -Infinity;
  return {
    keep(/** @type {number} */ t) {
      // Half a video frame of slack, so 30 fps sampled at 10 keeps every third frame exactly.
      if (t + 0.004 < next) return false;
      next = (next === -Infinity ? t : next) + period;
      if (next <= t) next = t + period;
      return true;
    },
    done: () => false,
  };
}

/** Keeps, for each wanted time, the frame whose time is nearest to it. */
function nearestPicker(
  /** @type {number[]} */ wanted,
  /** @type {any[]} */ samples,
  /** @type {number} */ start,
) {
  const frameTimes = samples.map((s) => s.cts / s.timescale - start).sort((a, b) => a - b);
  const targets = new Set(
    wanted.map((w) =>
      frameTimes.reduce((best, t) => (Math.abs(t - w) < Math.abs(best - w) ? t : best)),
    ),
  );
  const last = Math.max(...targets);
  return {
    keep: (/** @type {number} */ t) => targets.has(t),
    done: (/** @type {number} */ t) => t >= last,
  };
}

function keyFrameBefore(/** @type {any[]} */ samples, /** @type {number} */ time) {
  let found = 0;
  for (let i = 0; i < samples.length; i += 1) {
    if (samples[i].is_sync && samples[i].cts / samples[i].timescale <= time + 1e-6) found = i;
  }
  return found;
}

/**
 * Feed the samples from `first` on to a VideoDecoder; `onFrame(frame, t)` sees every decoded
 * frame (which is closed right after), until `done(t)` or the run is stopped.
 * @param {NonNullable<typeof movie>} current the open movie
 * @param {number} first
 * @param {{stopped: boolean, acked: number, sent: number, wake: any}} state
 * @param {(frame: VideoFrame, t: number) => void} onFrame
 * @param {(t: number) => boolean} done
 */
async function decodeFrom(current, first, state, onFrame, done) {
  const { file, samples, start, config } = current;
  /** @type {any} */
  let failure = null;
  let finished = false;
  const decoder = new VideoDecoder({
    output(frame) {
      const t = Math.round((frame.timestamp / 1e6 - start) * 1e6) / 1e6;
      try {
        if (!finished && !state.stopped) onFrame(frame, t);
        if (done(t)) finished = true;
      } finally {
        frame.close();
      }
      state.wake?.();
    },
    error(error) {
      failure = kind(error, "codec");
      state.wake?.();
    },
  });
  const wait = () => new Promise((resolve) => (state.wake = resolve));
  try {
    decoder.configure(config);
    for (let i = first; i < samples.length && !finished && !state.stopped; i += 1) {
      if (failure) throw failure;
      // Back-pressure: the model is the slow stage; never let decoded frames pile up.
      while (
        !state.stopped &&
        !failure &&
        (decoder.decodeQueueSize > DECODE_AHEAD || state.sent - state.acked >= IN_FLIGHT)
      ) {
        await wait();
      }
      const sample = samples[i];
      const data = await file.slice(sample.offset, sample.offset + sample.size).arrayBuffer();
      decoder.decode(
        new EncodedVideoChunk({
          type: sample.is_sync ? "key" : "delta",
          timestamp: Math.round((sample.cts / sample.timescale) * 1e6),
          duration: Math.round((sample.duration / sample.timescale) * 1e6),
          data,
        }),
      );
    }
    if (!state.stopped && !finished && !failure) await decoder.flush();
    if (failure) throw failure;
  } finally {
    if (decoder.state !== "closed") decoder.close();
  }
}

/** @type {OffscreenCanvas | null} */
let canvas = null;

/** The frame turned upright (`rotation` degrees clockwise), long side at most `maxSide`. */
function draw(
  /** @type {VideoFrame} */ frame,
  /** @type {number} */ maxSide,
  /** @type {number} */ rotation,
) {
  const turned = rotation % 180 !== 0;
  const w = frame.displayWidth;
  const h = frame.displayHeight;
  const scale = Math.min(1, maxSide / Math.max(w, h));
  const outW = Math.max(1, Math.round((turned ? h : w) * scale));
  const outH = Math.max(1, Math.round((turned ? w : h) * scale));
  if (!canvas) canvas = new OffscreenCanvas(outW, outH);
  canvas.width = outW;
  canvas.height = outH;
  // A software canvas: no GPU texture per full-size frame drawn (memory stays lower).
  const context = /** @type {OffscreenCanvasRenderingContext2D} */ (
    canvas.getContext("2d", { willReadFrequently: true })
  );
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.translate(outW / 2, outH / 2);
  context.rotate((rotation * Math.PI) / 180);
  const drawW = w * scale;
  const drawH = h * scale;
  context.drawImage(frame, -drawW / 2, -drawH / 2, drawW, drawH);
  return canvas.transferToImageBitmap();
}

/** @param {any} error @param {string} name */
function kind(error, name) {
  const tagged = error instanceof Error ? error : new Error(String(error));
  /** @type {any} */ (tagged).kind = name;
  return tagged;
}
