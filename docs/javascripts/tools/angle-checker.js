// Photo-angle checker. The photo is opened on the device (checker/photo.js) and shown in a canvas
// under an SVG whose viewBox is the photo's natural size; landmarks live in photo pixels
// (checker/landmarks.js). Python measures and draws (hipthrust.web_checker): this file only moves
// points, shows Python's answers and saves the PNG. Nothing is sent anywhere.

import { callPython } from "../python/client.js";
import { mountPythonStatus } from "../python/status.js";
import { annotatedPng, canShareFiles, savePng } from "../checker/export.js";
import { LandmarkLayer } from "../checker/landmarks.js";
import { PhotoError, openPhoto } from "../checker/photo.js";
import { metricItem, signed } from "../checker/results.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const UNDO_LIMIT = 100;

const SIDE_POINTS = [
  { name: "shoulder", label: "Shoulder", kind: "body" },
  { name: "hip", label: "Hip", kind: "body" },
  { name: "knee", label: "Knee", kind: "body" },
  { name: "ankle", label: "Ankle", kind: "body" },
  { name: "heel", label: "Heel", kind: "extra", option: "foot" },
  { name: "toe", label: "Toe", kind: "extra", option: "foot" },
  { name: "free_knee", label: "Free knee", kind: "extra", option: "freeLeg" },
];
const FRONT_POINTS = [
  { name: "hip", label: "Hip", kind: "body" },
  { name: "knee", label: "Knee", kind: "body" },
  { name: "ankle", label: "Ankle", kind: "body" },
];

const TEMPLATE = `
  <div class="checker-input">
    <label class="md-button md-button--primary checker-choose">
      <span>Choose or take a photo</span>
      <input type="file" accept="image/*" data-testid="photo-input">
    </label>
    <span class="checker-drop-hint">or drop a photo here. It stays on this device.</span>
  </div>
  <p class="checker-error" data-testid="checker-error" role="alert" hidden></p>
  <fieldset class="checker-modes">
    <legend>View</legend>
    <label><input type="radio" name="checker-mode" value="side" checked> Side: shin and hip line</label>
    <label><input type="radio" name="checker-mode" value="front"> Front: knee in line</label>
  </fieldset>
  <div class="checker-work" hidden>
    <div class="checker-stage">
      <canvas class="checker-photo" aria-hidden="true"></canvas>
      <svg class="checker-svg" xmlns="${SVG_NS}" role="group" aria-label="Photo with the landmarks"></svg>
    </div>
    <div class="checker-toolbar">
      <button type="button" class="md-button" data-action="undo" disabled>Undo</button>
      <button type="button" class="md-button" data-action="reset">Reset points</button>
      <button type="button" class="md-button" data-action="save">Save PNG</button>
      <button type="button" class="md-button" data-action="share" hidden>Share</button>
    </div>
    <fieldset class="checker-options" data-mode="side">
      <legend>Also check</legend>
      <label><input type="checkbox" data-option="foot"> Heel and toe (pushing off the toes)</label>
      <label><input type="checkbox" data-option="freeLeg"> Free leg's knee (stays up)</label>
      <label><input type="checkbox" data-option="floor"> Level from the floor (phone tilted): drag the two floor points onto the floor</label>
    </fieldset>
    <fieldset class="checker-options" data-mode="front" hidden>
      <legend>Working leg (photo taken facing the lifter, not a mirrored selfie)</legend>
      <label><input type="radio" name="checker-leg" value="right" checked> Right</label>
      <label><input type="radio" name="checker-leg" value="left"> Left</label>
    </fieldset>
    <section class="checker-results" aria-label="Results">
      <p class="checker-facing" data-testid="checker-facing"></p>
      <ul class="checker-metrics" data-testid="checker-metrics"></ul>
      <p class="checker-message" data-testid="checker-message" hidden></p>
    </section>
    <p class="checker-live checker-sr-only" aria-live="polite"></p>
  </div>
`;

export function mount(root) {
  const detachStatus = mountPythonStatus(root);
  const ui = document.createElement("div");
  ui.className = "checker";
  ui.innerHTML = TEMPLATE;
  root.append(ui);
  const $ = (selector) => ui.querySelector(selector);
  const input = $('[data-testid="photo-input"]');
  const errorBox = $('[data-testid="checker-error"]');
  const work = $(".checker-work");
  const stage = $(".checker-stage");
  const canvas = $(".checker-photo");
  const svg = $(".checker-svg");
  const overlay = document.createElementNS(SVG_NS, "g");
  overlay.setAttribute("class", "checker-overlay-layer");
  svg.append(overlay);
  const metricsList = $(".checker-metrics");
  const message = $(".checker-message");
  const facing = $(".checker-facing");
  const live = $(".checker-live");
  const undoButton = $('[data-action="undo"]');
  const shareButton = $('[data-action="share"]');
  shareButton.hidden = !canShareFiles();

  const state = {
    alive: true,
    mode: "side",
    leg: "right",
    options: { foot: false, freeLeg: false, floor: false },
    photo: null, // {file, width, height, display}
    initial: null,
    points: null, // {side: {...}, front: {...}, floor: [[x, y], [x, y]]}
    undo: [],
    busy: false,
    pending: false,
    lastResult: null,
  };

  const layer = new LandmarkLayer(svg, stage, {
    onCommitStart: () => pushUndo(),
    onMove: () => {
      readPositions();
      scheduleMeasure();
    },
  });

  const cleanups = [];
  const on = (target, type, handler, options) => {
    target.addEventListener(type, handler, options);
    cleanups.push(() => target.removeEventListener(type, handler, options));
  };

  function showError(text) {
    errorBox.textContent = text ?? "";
    errorBox.hidden = !text;
  }

  function snapshot() {
    return structuredClone(state.points);
  }

  function pushUndo() {
    state.undo.push(snapshot());
    if (state.undo.length > UNDO_LIMIT) state.undo.shift();
    undoButton.disabled = false;
  }

  function visiblePoints() {
    const list = [];
    if (state.mode === "side") {
      for (const point of SIDE_POINTS) {
        if (point.option && !state.options[point.option]) continue;
        const [x, y] = state.points.side[point.name];
        list.push({ ...point, x, y, testid: `landmark-${point.name.replace("_", "-")}` });
      }
      if (state.options.floor) {
        state.points.floor.forEach(([x, y], index) => {
          const name = `floor_${index ? "b" : "a"}`;
          list.push({ name, label: `Floor point ${index + 1}`, short: "Floor", kind: "floor", x, y, testid: `landmark-floor-${index ? "b" : "a"}` });
        });
      }
    } else {
      for (const point of FRONT_POINTS) {
        const [x, y] = state.points.front[point.name];
        list.push({ ...point, x, y, testid: `landmark-front-${point.name}` });
      }
    }
    return list;
  }

  function readPositions() {
    const positions = layer.positions();
    for (const [name, xy] of Object.entries(positions)) {
      if (name === "floor_a") state.points.floor[0] = xy;
      else if (name === "floor_b") state.points.floor[1] = xy;
      else state.points[state.mode][name] = xy;
    }
  }

  function renderLandmarks() {
    layer.set(visiblePoints());
  }

  function renderOverlay(markup) {
    if (!markup) {
      overlay.replaceChildren();
      return;
    }
    const doc = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}">${markup}</svg>`, "image/svg+xml");
    const group = doc.documentElement.firstElementChild;
    overlay.replaceChildren(group ? document.importNode(group, true) : "");
  }

  function renderResult(result) {
    state.lastResult = result;
    if (!result.ok) {
      message.textContent = result.message;
      message.hidden = false;
      metricsList.replaceChildren();
      facing.textContent = "";
      renderOverlay("");
      return;
    }
    message.hidden = true;
    metricsList.replaceChildren(...result.metrics.map(metricItem));
    facing.textContent =
      state.mode === "side"
        ? `Feet towards the ${result.facing} of the photo (detected). Knee bent ${result.knee_angle}°.`
        : `Working leg: ${state.leg}.`;
    renderOverlay(result.overlay);
  }

  function announce() {
    const result = state.lastResult;
    if (!result) return;
    live.textContent = result.ok
      ? result.metrics.map((m) => `${m.label} ${signed(m.value)}, ${m.verdict}`).join(". ")
      : result.message;
  }

  async function measureOnce() {
    const { width, height } = state.photo;
    const started = performance.now();
    const result =
      state.mode === "side"
        ? await callPython("checker_side", {
            landmarks: Object.fromEntries(
              SIDE_POINTS.filter((p) => !p.option || state.options[p.option]).map((p) => [p.name, state.points.side[p.name]]),
            ),
            width,
            height,
            floor: state.options.floor ? state.points.floor : null,
          })
        : await callPython("checker_front", { landmarks: state.points.front, width, height, leg: state.leg });
    if (!state.alive) return;
    renderResult(result);
    performance.measure("checker-update", { start: started, end: performance.now() });
  }

  // One call in flight at a time; moves during a call collapse into one follow-up call, so
  // dragging never queues up stale work.
  async function scheduleMeasure() {
    if (!state.photo || !state.points) return;
    if (state.busy) {
      state.pending = true;
      return;
    }
    state.busy = true;
    try {
      do {
        state.pending = false;
        await measureOnce();
      } while (state.pending && state.alive);
    } catch (error) {
      message.textContent = `The measurement failed: ${error?.message ?? error}`;
      message.hidden = false;
    } finally {
      state.busy = false;
    }
    clearTimeout(state.announceTimer);
    state.announceTimer = setTimeout(announce, 600);
  }

  async function choose(file) {
    if (!file) return;
    performance.clearMarks("checker-photo-chosen");
    performance.mark("checker-photo-chosen");
    showError(null);
    root.dataset.photo = "loading";
    let photo;
    try {
      photo = await openPhoto(file);
    } catch (error) {
      root.dataset.photo = state.photo ? "ready" : "none";
      showError(error instanceof PhotoError ? error.message : "The photo could not be opened in this browser.");
      return;
    }
    if (!state.alive) {
      photo.display.close?.();
      return;
    }
    state.photo?.display.close?.();
    state.photo = { file, ...photo };
    const { width, height, display } = photo;
    canvas.width = display.width;
    canvas.height = display.height;
    canvas.getContext("2d").drawImage(display, 0, 0);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    stage.style.aspectRatio = `${width} / ${height}`;
    stage.style.setProperty("--checker-ratio", String(width / height));
    stage.dataset.width = String(width);
    stage.dataset.height = String(height);
    work.hidden = false;
    stage.scrollIntoView({ block: "nearest" });
    layer.setSource(display, width);
    renderOverlay("");
    let setup;
    try {
      setup = await callPython("checker_setup", { width, height });
    } catch {
      // Python failed to start: its panel above says why and offers Retry; the photo stays.
      showError("The photo is open, but the measuring tool did not start. Use Retry above, then choose the photo again.");
      root.dataset.photo = "error";
      return;
    }
    if (!state.alive || state.photo?.file !== file) return;
    if (!setup.ok) {
      showError(setup.message);
      root.dataset.photo = "error";
      return;
    }
    state.points = { side: setup.side, front: setup.front, floor: setup.floor };
    state.initial = snapshot();
    state.undo = [];
    undoButton.disabled = true;
    renderLandmarks();
    await scheduleMeasure();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    performance.measure("checker-photo-ready", "checker-photo-chosen");
    root.dataset.photo = "ready";
  }

  on(input, "change", () => {
    choose(input.files?.[0]).catch((error) => showError(`The photo could not be opened: ${error?.message ?? error}`));
    input.value = ""; // choosing the same file again still fires "change"
  });
  on(root, "dragover", (event) => {
    if (!event.dataTransfer?.types?.includes("Files")) return;
    event.preventDefault();
    root.classList.add("is-dropping");
  });
  on(root, "dragleave", () => root.classList.remove("is-dropping"));
  on(root, "drop", (event) => {
    if (!event.dataTransfer?.files?.length) return;
    event.preventDefault();
    root.classList.remove("is-dropping");
    choose(event.dataTransfer.files[0]).catch((error) => showError(String(error?.message ?? error)));
  });
  on(ui, "change", (event) => {
    const target = event.target;
    if (target.name === "checker-mode") {
      state.mode = target.value;
      for (const fieldset of ui.querySelectorAll(".checker-options")) fieldset.hidden = fieldset.dataset.mode !== state.mode;
    } else if (target.name === "checker-leg") {
      state.leg = target.value;
    } else if (target.dataset.option) {
      state.options[target.dataset.option] = target.checked;
    } else {
      return;
    }
    if (!state.points) return;
    renderLandmarks();
    scheduleMeasure();
  });
  on(ui, "click", (event) => {
    const action = event.target.closest?.("[data-action]")?.dataset.action;
    if (!action || !state.points) return;
    if (action === "undo") undo();
    else if (action === "reset") {
      pushUndo();
      state.points = structuredClone(state.initial);
      renderLandmarks();
      scheduleMeasure();
    } else if (action === "save" || action === "share") {
      save(action === "share").catch((error) => {
        if (error?.name !== "AbortError") showError(`Could not save the picture: ${error?.message ?? error}`);
      });
    }
  });
  on(ui, "keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && state.undo.length) {
      event.preventDefault();
      undo();
    }
  });

  function undo() {
    const previous = state.undo.pop();
    undoButton.disabled = state.undo.length === 0;
    if (!previous) return;
    state.points = previous;
    renderLandmarks();
    scheduleMeasure();
  }

  async function save(share) {
    const { file, width, height } = state.photo;
    const blob = await annotatedPng(file, width, height, [overlay]);
    const base = (file.name || "photo").replace(/\.[^.]+$/, "");
    await savePng(blob, `${base}-angles.png`, { share });
  }

  root.dataset.photo = "none";
  return () => {
    state.alive = false;
    clearTimeout(state.announceTimer);
    for (const cleanup of cleanups) cleanup();
    layer.destroy();
    state.photo?.display.close?.();
    ui.remove();
    detachStatus();
  };
}
