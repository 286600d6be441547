// Set review (issue 19): one video of a set -> every rep's phase times against the target tempo
// and its top position. The stages are modules of ../review/: decode and pose (run.js), the
// Python call (analyse.js), the page (render.js), filming (record.js), saving (export.js) and the
// timer's hand-over (handover.js). This file wires them to the page's markup
// (docs/tools/set-review.md). The video never leaves the phone.

import { mountPythonStatus } from "../python/status.js";
import { analyse, checkTempo } from "../review/analyse.js";
import { VideoError, disposeDecoder, prepareDecoder } from "../review/decode.js";
import { framePng, saveCsv, savePng } from "../review/export.js";
import { takeRecording } from "../review/handover.js";
import { disposeDetector } from "../review/pose.js";
import { Recorder, canRecord } from "../review/record.js";
import {
  renderFrame,
  renderResults,
  renderWarnings,
  setProgress,
  setStatus,
} from "../review/render.js";
import { ANALYSIS_SIDE, readVideo } from "../review/run.js";
import { messageFor } from "../review/messages.js";
import { addTempoToLog, entryIdsFrom } from "../review/to-log.js";

/** @param {HTMLElement} root */
export function mount(root) {
  const page = new ReviewPage(root);
  return () => page.destroy();
}

/** @param {HTMLElement} ui */
function elements(ui) {
  const $ = (/** @type {string} */ id) =>
    /** @type {any} */ (ui.querySelector(`[data-testid="${id}"]`));
  return {
    input: $("video-input"),
    record: $("video-record"),
    recordPanel: $("record-panel"),
    error: $("video-error"),
    tempo: $("video-target-tempo"),
    tempoError: $("video-tempo-error"),
    step: $("video-step"),
    status: $("video-status"),
    progress: $("video-progress"),
    progressText: $("video-progress-text"),
    cancel: $("video-cancel"),
    warnings: $("video-warnings"),
    logStatus: $("video-log-status"),
    results: $("video-results"),
    count: $("rep-count"),
    summary: $("video-summary"),
    rows: /** @type {any} */ (ui.querySelector(".review-table tbody")),
    chart: $("video-chart-box"),
    csv: $("video-export-csv"),
    frame: $("rep-frame"),
    frameTitle: $("rep-frame-title"),
    frameMetrics: $("rep-frame-metrics"),
    framePng: $("rep-frame-png"),
    frameStage: /** @type {any} */ (ui.querySelector(".review-frame__stage")),
    frameCanvas: /** @type {any} */ (ui.querySelector(".review-frame__photo")),
    frameSvg: /** @type {any} */ (ui.querySelector(".review-frame__svg")),
  };
}

class ReviewPage {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.detachStatus = mountPythonStatus(root);
    this.ui = /** @type {HTMLElement} */ (root.querySelector(".review-ui"));
    if (!this.ui) throw new Error("The set review's markup is missing from the page");
    this.pristine = this.ui.cloneNode(true);
    this.el = elements(this.ui);
    this.maxSeconds = Number(root.dataset.maxSeconds ?? "600");
    this.alive = true;
    /** @type {AbortController | null} */
    this.run = null;
    /** @type {import("../review/decode.js").VideoSource | null} */
    this.source = null;
    /** @type {import("../review/run.js").Series | null} */
    this.series = null;
    /** @type {import("../review/replies.js").ReviewReply | null} */
    this.result = null;
    this.fileName = "set";
    /** @type {string[]} the log entries of the timer's filmed set (`?entries=`) */
    this.logIds = [];
    /** @type {(() => void)[]} */
    this.cleanups = [];
    this.recorder = new Recorder(this.el.recordPanel, {
      onFile: (file) => {
        void this.review(file);
      },
      onError: (text) => this.showError(text),
    });
    this.wire();
    prepareDecoder();
    this.fromUrl();
  }

  /** `?tempo=` and `?step=` prefill the plan; `?recording=` is the timer's hand-over. */
  fromUrl() {
    const { el } = this;
    const query = new URLSearchParams(location.search);
    if (query.get("tempo")) el.tempo.value = query.get("tempo");
    const stepKey = query.get("step");
    if (stepKey && [...el.step.options].some((o) => o.value === stepKey)) el.step.value = stepKey;
    const handed = query.get("recording");
    if (!handed) return;
    takeRecording(handed).then(
      (file) => {
        if (file) void this.review(file, entryIdsFrom(query));
        else this.showError("The timer's recording is no longer on this phone. Choose the video.");
      },
      () => this.showError("The timer's recording could not be opened. Choose the video."),
    );
  }

  wire() {
    const { el } = this;
    /** @type {(target: EventTarget, type: string, handler: (event: any) => void) => void} */
    const on = (target, type, handler) => {
      target.addEventListener(type, handler);
      this.cleanups.push(() => target.removeEventListener(type, handler));
    };
    on(el.input, "change", () => {
      const file = el.input.files?.[0];
      if (file) void this.review(file);
    });
    on(el.record, "click", () => {
      void this.recorder.open();
    });
    on(el.cancel, "click", () => {
      this.run?.abort();
      el.cancel.disabled = true;
    });
    on(el.tempo, "change", () => {
      void this.reanalyse();
    });
    on(el.step, "change", () => {
      void this.reanalyse();
    });
    on(el.csv, "click", () => {
      if (this.result?.ok && this.result.csv) saveCsv(this.result.csv, `${this.fileName}-reps.csv`);
    });
    on(el.framePng, "click", async () => {
      const blob = await framePng(el.frameCanvas, el.frameSvg);
      await savePng(blob, `${this.fileName}-rep-${el.frame.dataset.rep}.png`);
    });
    el.input.disabled = false;
    el.record.disabled = !canRecord();
    if (!canRecord()) el.record.title = "This browser cannot film in the page: choose a video.";
  }

  showError(/** @type {string} */ text) {
    this.el.error.textContent = text;
    this.el.error.hidden = !text;
  }

  /** The target tempo through the timer's parser; null = none typed; false = not valid. */
  async targetTempo() {
    const text = this.el.tempo.value.trim();
    if (!text) {
      this.el.tempoError.textContent = "";
      return null;
    }
    const checked = await checkTempo(text);
    this.el.tempoError.textContent = checked.ok ? "" : (checked.message ?? "");
    return checked.ok ? (checked.tempo ?? text) : false;
  }

  /** @param {string} stage @param {string} text @param {number} percent */
  progress(stage, text, percent) {
    if (!this.alive) return;
    if (stage === "frames" && this.el.status.dataset.state === "loading")
      setStatus(this.el.status, "analysing", "Finding your joints in each frame…");
    setProgress(this.el.progress, this.el.progressText, percent, text);
  }

  /**
   * Read the video into a keypoint series, then analyse it.
   * @param {File} file
   * @param {string[]} [logIds] the log entries this video is of (the timer's hand-over)
   */
  async review(file, logIds = []) {
    const { el } = this;
    this.logIds = logIds;
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    this.source?.close();
    this.source = null;
    this.series = null;
    this.fileName = (file.name || "set").replace(/\.[^.]+$/, "");
    this.showError("");
    renderWarnings(el.warnings, []);
    el.logStatus.hidden = true;
    el.results.hidden = true;
    el.frame.hidden = true;
    setStatus(el.status, "loading", `Reading “${file.name || "the video"}” on this device…`);
    el.cancel.disabled = false;
    try {
      const { source, series } = await readVideo(file, {
        onProgress: (stage, text, percent) => this.progress(stage, text, percent),
        signal: run.signal,
        maxSeconds: this.maxSeconds,
      });
      if (this.run !== run || !this.alive) return source.close();
      this.source = source;
      this.series = series;
      this.ui.dataset.decode = source.info.path; // how the frames were read (tests, bug reports)
      await this.reanalyse();
    } catch (error) {
      if (this.run === run && this.alive) this.failed(error);
    } finally {
      if (this.run === run) el.cancel.disabled = true;
    }
  }

  /** Python's analysis of the series in hand (again after a new tempo or step). */
  async reanalyse() {
    const { el } = this;
    const series = this.series;
    if (!series) return;
    const tempo = await this.targetTempo();
    if (tempo === false) return;
    const doing = "Counting the reps and timing each phase…";
    setStatus(el.status, "analysing", doing);
    setProgress(el.progress, el.progressText, 96, doing);
    const result = await analyse({ ...series, step: el.step.value, tempo });
    if (!this.alive || this.series !== series) return;
    this.result = result;
    setProgress(el.progress, el.progressText, 100, "");
    renderWarnings(el.warnings, result.ok ? result.warnings : []);
    if (result.state === "done") {
      renderResults(el, result, (rep) => {
        void this.showRep(rep);
      });
    } else {
      el.results.hidden = true;
    }
    const shown = result.state === "done" || result.state === "none" ? result.state : "failed";
    setStatus(el.status, shown, result.message);
    if (this.logIds.length) this.toLog(result);
  }

  /**
   * Add the measured tempo to the timer's log entries and say so.
   * @param {import("../review/replies.js").ReviewReply} result
   */
  toLog(result) {
    void addTempoToLog(this.logIds, result).then((line) => {
      if (!this.alive) return;
      this.el.logStatus.textContent = line;
      this.el.logStatus.hidden = !line;
    });
  }

  /** @param {any} error */
  failed(error) {
    const { state, text, reason } = messageFor(error, this.maxSeconds);
    setStatus(this.el.status, state, text);
    setProgress(this.el.progress, this.el.progressText, 0, "");
    if (reason) renderWarnings(this.el.warnings, [{ reason, message: text }]);
    if (!(error instanceof VideoError)) console.error(error);
  }

  /**
   * Show a rep's top frame with the checker's overlay.
   * @param {import("../review/replies.js").ReviewRep} rep
   */
  async showRep(rep) {
    const { source, series } = this;
    if (!source || !series || rep.top_time == null) return;
    for await (const frame of source.frames({ times: [rep.top_time], maxSide: ANALYSIS_SIDE })) {
      if (this.alive) {
        renderFrame(this.el, rep, frame.bitmap, { width: series.width, height: series.height });
        this.el.frame.scrollIntoView({ block: "nearest" });
      }
      frame.bitmap.close();
    }
  }

  destroy() {
    this.alive = false;
    this.run?.abort();
    this.source?.close();
    for (const cleanup of this.cleanups) cleanup();
    this.recorder.dispose();
    disposeDetector();
    disposeDecoder();
    this.ui.replaceWith(this.pristine);
    this.detachStatus();
  }
}
