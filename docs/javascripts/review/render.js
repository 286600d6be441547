// Stage 4 of the set review: Python's answer -> the page. Only moves Python's words, numbers and
// SVG into place (with the stable test hooks of issue 19): the status line, the warnings, the rep
// count, one table row per full rep, the summary, the chart, and a tapped rep's top frame with
// the checker's overlay. Nothing here decides a verdict.

import { metricItem, signed } from "../checker/results.js";

/** @import { PhaseName, RepPhase, ReviewAnalysis, ReviewRep } from "./replies.js" */

const SVG_NS = "http://www.w3.org/2000/svg";
/** @type {PhaseName[]} */
const PHASES = ["lower", "bottom", "drive", "top"];
const VERDICT_MARK = { good: "✓", close: "~", fix: "✗" };

/** Two decimals, as the row's data attributes carry them. */
function fixed2(/** @type {number} */ value) {
  return value.toFixed(2);
}

/**
 * The status line: data-state is the test hook (idle|loading|analysing|done|none|unsupported|failed).
 * @param {HTMLElement} status @param {string} state @param {string} text
 */
export function setStatus(status, state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

/**
 * The progress bar (0–100) and the line under it (what it is doing, time left).
 * @param {HTMLElement} bar @param {HTMLElement} line @param {number} percent @param {string} text
 */
export function setProgress(bar, line, percent, text) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  bar.setAttribute("aria-valuenow", String(value));
  bar.setAttribute("aria-valuetext", text || `${value}%`);
  /** @type {HTMLElement} */ (bar.firstElementChild).style.transform = `scaleX(${value / 100})`;
  line.textContent = text || "\u00a0";
}

/**
 * One visible line per warning, each with its reason as data-reason.
 * @param {HTMLElement} box @param {{reason: string, message: string}[]} warnings
 */
export function renderWarnings(box, warnings) {
  box.replaceChildren(
    ...warnings.map(({ reason, message }) => {
      const line = document.createElement("p");
      line.className = "review-warning";
      line.dataset.testid = "video-warning";
      line.dataset.reason = reason;
      line.setAttribute("role", "alert");
      line.textContent = message;
      return line;
    }),
  );
}

/**
 * Count, summary, table and chart of a finished analysis.
 * @param {Record<string, HTMLElement>} el
 * @param {ReviewAnalysis} result Python's `review_analyse` answer
 * @param {(rep: ReviewRep) => void} onRep called when a rep's row is chosen
 */
export function renderResults(el, result, onRep) {
  const count = result.count ?? { value: 0, left: null, right: null };
  el.count.dataset.value = String(count.value);
  for (const side of /** @type {const} */ (["left", "right"])) {
    if (count[side] == null) delete el.count.dataset[side];
    else el.count.dataset[side] = String(count[side]);
  }
  el.count.textContent = result.summary?.[0] ?? `${count.value} reps`;
  el.summary.replaceChildren(
    ...(result.summary ?? []).slice(1).map((/** @type {string} */ text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }),
  );
  el.rows.replaceChildren(...(result.reps ?? []).map((rep) => row(rep, onRep)));
  el.chart.replaceChildren();
  if (result.chart) {
    const svg = parseSvg(result.chart);
    if (svg) {
      svg.dataset.testid = "video-chart";
      el.chart.append(svg);
    }
  }
  el.results.hidden = false;
}

/** @param {ReviewRep} rep @param {(rep: ReviewRep) => void} onRep */
function row(rep, onRep) {
  const tr = document.createElement("tr");
  tr.dataset.testid = "rep-row";
  tr.dataset.rep = String(rep.rep);
  tr.dataset.leg = rep.leg;
  tr.dataset.start = fixed2(rep.start);
  tr.dataset.end = fixed2(rep.end);
  for (const phase of PHASES) if (rep[phase] != null) tr.dataset[phase] = fixed2(rep[phase]);
  if (rep.shin != null) tr.dataset.shin = fixed2(rep.shin);
  if (rep.hip_line != null) tr.dataset.hipLine = fixed2(rep.hip_line);
  if (rep.verdict) tr.dataset.verdict = rep.verdict;
  tr.tabIndex = 0;
  tr.setAttribute("aria-label", `Rep ${rep.rep}: show its top frame`);

  const head = document.createElement("th");
  head.scope = "row";
  head.textContent =
    rep.leg === "both" ? String(rep.rep) : `${rep.rep} ${rep.leg[0].toUpperCase()}`;
  const cells = [head, cell(`${rep.start.toFixed(1)}–${rep.end.toFixed(1)} s`)];
  for (const phase of PHASES) cells.push(phaseCell(rep.phases?.[phase], rep[phase]));
  cells.push(angleCell(rep, "shin"), angleCell(rep, "hip_line"));
  cells.push(cell(rep.verdict ? VERDICT_MARK[/** @type {"good"} */ (rep.verdict)] : "–"));
  tr.append(...cells);
  const choose = () => onRep(rep);
  tr.addEventListener("click", choose);
  tr.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose();
    }
  });
  return tr;
}

function cell(/** @type {string} */ text) {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
}

/** Seconds, then Python's ✓ or how far off ("+1.1 s"); empty when the phase was cut. */
function phaseCell(
  /** @type {RepPhase | undefined} */ phase,
  /** @type {number | null} */ seconds,
) {
  if (seconds == null) return cell("–");
  const td = cell(`${seconds.toFixed(1)} s`);
  if (phase?.text) {
    const mark = document.createElement("span");
    mark.className = `review-off review-off--${phase.verdict ?? "none"}`;
    mark.textContent = ` ${phase.text}`;
    td.append(mark);
  }
  return td;
}

/** A top angle with the checker's verdict word; "–" when it was not judged. */
function angleCell(/** @type {ReviewRep} */ rep, /** @type {"shin" | "hip_line"} */ name) {
  const value = rep[name];
  if (value == null) return cell("–");
  const metric = (rep.metrics ?? []).find((m) => m.name === name);
  const td = cell(signed(value));
  if (metric?.verdict) td.append(` ${VERDICT_MARK[/** @type {"good"} */ (metric.verdict)]}`);
  return td;
}

/** @param {string} markup @returns {SVGSVGElement | null} */
export function parseSvg(markup) {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg") return null;
  return /** @type {SVGSVGElement} */ (/** @type {unknown} */ (document.importNode(root, true)));
}

/**
 * A rep's top frame: the picture on the canvas, the checker's overlay (Python's SVG group, in
 * the analysed frame's pixels) over it, and the metrics with their fixes.
 * @param {Record<string, any>} el
 * @param {ReviewRep} rep
 * @param {ImageBitmap} bitmap
 * @param {{width: number, height: number}} size the analysed frame's size
 */
export function renderFrame(el, rep, bitmap, size) {
  const canvas = /** @type {HTMLCanvasElement} */ (el.frameCanvas);
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d")).drawImage(bitmap, 0, 0);
  el.frameStage.style.aspectRatio = `${size.width} / ${size.height}`;
  const svg = /** @type {SVGSVGElement} */ (el.frameSvg);
  svg.setAttribute("viewBox", `0 0 ${size.width} ${size.height}`);
  svg.replaceChildren();
  if (rep.overlay) {
    const doc = new DOMParser().parseFromString(
      `<svg xmlns="${SVG_NS}">${rep.overlay}</svg>`,
      "image/svg+xml",
    );
    const group = doc.documentElement.firstElementChild;
    if (group) svg.append(document.importNode(group, true));
  }
  el.frameTitle.textContent = `Top of rep ${rep.rep} (${(rep.top_time ?? rep.start).toFixed(2)} s)`;
  el.frameMetrics.replaceChildren(...(rep.metrics ?? []).map(metricItem));
  if (rep.view && !rep.view.usable && rep.view.message) {
    const item = document.createElement("li");
    item.textContent = rep.view.message;
    el.frameMetrics.append(item);
  }
  el.frame.hidden = false;
  el.frame.dataset.rep = String(rep.rep);
}
