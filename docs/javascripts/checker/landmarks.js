// Landmarks in an SVG whose viewBox is the photo's natural size: every position is in photo
// pixels and the only conversion is pointer -> photo through getScreenCTM().inverse().
// - Placing: while a point is still to be placed (setPlacing), a tap on the photo places it
//   there (on touch the point goes where the finger is lifted, with a magnifier above the finger
//   while it rests or slides); Enter or Space on the focused photo places it in the middle.
// - Moving: each placed landmark is a focusable control with a name; drag it, or nudge it with
//   the arrow keys (1 px, Shift 10 px). On touch the magnifier follows it.
// Each landmark shows who placed it (data-source: auto = the pose detector, user = the user) and
// whether it asks to be checked (data-check), in shape and text as well as colour.
// The arithmetic of positions (clamping, rounding) is ./coordinates.js; the magnifier ./magnifier.js.

import { clampToPhoto, middleOf, tapOnPhoto } from "./coordinates.js";
import { Magnifier } from "./magnifier.js";

/**
 * A landmark to show: where, what it is called, who placed it and whether to check it.
 * @typedef {object} LandmarkView
 * @property {string} name
 * @property {string} label
 * @property {string} [short] a shorter label for the photo
 * @property {number} x
 * @property {number} y
 * @property {string} kind "body", "extra" or "floor"
 * @property {"auto" | "user"} [source]
 * @property {string | null} [check]
 * @property {string} testid
 */
/**
 * What the layer tells the page.
 * @typedef {object} LandmarkHooks
 * @property {(name: string) => void} onMove while dragging or nudging a point
 * @property {(name: string) => void} onCommitStart before a change undo should revert
 * @property {(x: number, y: number) => void} onPlace a tap places the pending point there
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const TAP_RADIUS_CSS = 24; // 48 px tap target
// A label's width, estimated in ems from its characters (bold sans-serif capitals and digits are
// under 0.75 em): enough to know whether it fits beside its point (issue 18: nothing cut off).
const LABEL_EM = 0.75;

/**
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number>} [attributes]
 * @returns {SVGElementTagNameMap[K]}
 */
function svgElement(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** @type {Partial<Record<string, [number, number]>>} */
const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The landmark an event happened on, if any.
 * @param {Event} event
 * @returns {SVGGElement | null}
 */
function landmarkOf(event) {
  const target = /** @type {Element | null} */ (event.target);
  return /** @type {SVGGElement | null} */ (target?.closest?.(".checker-landmark") ?? null);
}

export class LandmarkLayer {
  /**
   * @param {SVGSVGElement} svg the stage's SVG (viewBox = photo size)
   * @param {HTMLElement} stage the photo's frame, where the magnifier goes
   * @param {LandmarkHooks} hooks
   */
  constructor(svg, stage, hooks) {
    this.svg = svg;
    this.stage = stage;
    this.hooks = hooks;
    this.group = svgElement("g", { class: "checker-landmarks" });
    svg.append(this.group);
    /** @type {Map<string, SVGGElement>} */
    this.nodes = new Map();
    this.unit = 1; // photo pixels per CSS pixel
    this.magnifier = new Magnifier(stage);
    /** @type {{name: string, pointerId: number, dx: number, dy: number, touch: boolean} | null} */
    this.drag = null;
    /** @type {{name: string, label: string} | null} */
    this.placing = null; // the point a tap would place, or null
    /** @type {{pointerId: number, touch: boolean} | null} */
    this.press = null; // a tap in progress that will place the pending point
    /** @type {(() => void)[]} */
    this.listeners = [];
    this.listen(svg, "pointerdown", (event) => this.onPointerDown(event));
    this.listen(svg, "pointermove", (event) => this.onPointerMove(event));
    this.listen(svg, "pointerup", (event) => this.onPointerUp(event));
    this.listen(svg, "pointercancel", (event) => this.onPointerUp(event));
    this.listen(svg, "keydown", (event) => this.onKeyDown(event));
    this.resizeObserver = new ResizeObserver(() => this.rescale());
    this.resizeObserver.observe(svg);
  }

  /**
   * @template {keyof SVGElementEventMap} K
   * @param {SVGSVGElement} target
   * @param {K} type
   * @param {(event: SVGElementEventMap[K]) => void} handler
   */
  listen(target, type, handler) {
    target.addEventListener(type, handler);
    this.listeners.push(() => target.removeEventListener(type, handler));
  }

  destroy() {
    for (const remove of this.listeners) remove();
    this.resizeObserver.disconnect();
    this.group.remove();
    this.magnifier.remove();
  }

  /**
   * @param {ImageBitmap | HTMLCanvasElement | null} bitmap the display copy, for the magnifier
   * @param {number} naturalWidth the photo's width
   */
  setSource(bitmap, naturalWidth) {
    this.magnifier.setSource(bitmap, naturalWidth);
  }

  /**
   * The point a tap on the photo places next ({name, label}), or null when all are placed.
   * @param {{name: string, label: string} | null} point
   */
  setPlacing(point) {
    this.placing = point;
    this.svg.classList.toggle("is-placing", Boolean(point));
  }

  /**
   * Replace the landmarks: [{name, label, x, y, kind, source, check}] (kind: "body", "extra", "floor").
   * @param {LandmarkView[]} points
   */
  set(points) {
    const focused = /** @type {HTMLElement | SVGElement | null} */ (document.activeElement)?.dataset
      ?.landmark;
    this.group.replaceChildren();
    this.nodes.clear();
    for (const point of points) {
      const node = svgElement("g", {
        class: `checker-landmark checker-landmark--${point.kind}`,
        tabindex: 0,
        role: "button",
        "data-testid": point.testid,
        "data-landmark": point.name,
        "aria-roledescription": "draggable point",
        "data-source": point.source ?? "user",
      });
      if (point.check) node.dataset.check = "true";
      node.append(
        svgElement("circle", { class: "checker-landmark__hit", r: 1 }),
        svgElement("circle", { class: "checker-landmark__ring", r: 1 }),
        svgElement("circle", { class: "checker-landmark__dot", r: 1 }),
      );
      if (point.check)
        node.append(svgElement("circle", { class: "checker-landmark__check", r: 1 }));
      const text = svgElement("text", { class: "checker-landmark__label" });
      text.textContent = `${point.short ?? point.label}${point.check ? " ?" : ""}`;
      node.append(text);
      node.dataset.label = point.label;
      this.group.append(node);
      this.nodes.set(point.name, node);
      this.place(point.name, point.x, point.y);
    }
    this.rescale();
    if (focused) this.nodes.get(focused)?.focus({ preventScroll: true });
  }

  /** @returns {Record<string, [number, number]>} name -> where it is now */
  positions() {
    /** @type {Record<string, [number, number]>} */
    const result = {};
    for (const [name, node] of this.nodes)
      result[name] = [Number(node.dataset.x), Number(node.dataset.y)];
    return result;
  }

  /**
   * @param {string} name
   * @param {number} x
   * @param {number} y
   */
  place(name, x, y) {
    const node = this.nodes.get(name);
    if (!node) return;
    const [width, height] = this.size();
    const [cx, cy] = clampToPhoto(x, y, width, height);
    node.dataset.x = String(cx);
    node.dataset.y = String(cy);
    node.setAttribute("transform", `translate(${cx} ${cy})`);
    this.fitLabel(node);
    const who = node.dataset.source === "auto" ? "placed by the detector" : "placed by you";
    const check = node.dataset.check ? " Check this point." : "";
    node.setAttribute(
      "aria-label",
      `${node.dataset.label}, ${who}, at x ${Math.round(cx)}, y ${Math.round(cy)}.${check} Drag, or use the arrow keys (Shift for 10 pixels).`,
    );
  }

  /** @returns {[number, number]} the photo's size (the viewBox) */
  size() {
    const box = this.svg.viewBox.baseVal;
    return [box.width, box.height];
  }

  /** Keep landmarks the same size on screen whatever the photo's resolution. */
  rescale() {
    const rect = this.svg.getBoundingClientRect();
    const [width] = this.size();
    if (!rect.width || !width) return;
    this.unit = width / rect.width;
    this.svg.style.setProperty("--checker-unit", String(this.unit));
    for (const node of this.nodes.values()) {
      const [hit, ring, dot, check] = node.querySelectorAll("circle");
      hit.setAttribute("r", String(TAP_RADIUS_CSS * this.unit));
      ring.setAttribute("r", String(11 * this.unit));
      dot.setAttribute("r", String(2.5 * this.unit));
      check?.setAttribute("r", String(17 * this.unit));
      node.querySelector("text")?.setAttribute("font-size", String(14 * this.unit));
      this.fitLabel(node);
    }
  }

  /**
   * Put a point's name above and to the right of it, or on the side with room near an edge.
   * @param {SVGGElement} node
   */
  fitLabel(node) {
    const label = node.querySelector("text");
    if (!label) return;
    const [width, height] = this.size();
    const unit = this.unit ?? 1;
    const gap = 14 * unit;
    const font = 14 * unit;
    const wide = (label.textContent ?? "").length * LABEL_EM * font;
    const left = Number(node.dataset.x) + gap + wide > width;
    const y = Number(node.dataset.y);
    const below = y - gap - font < 0 && y + gap + font <= height;
    label.setAttribute("text-anchor", left ? "end" : "start");
    label.setAttribute("x", String(left ? -gap : gap));
    label.setAttribute("y", String(below ? gap + font : -gap));
  }

  /**
   * The pointer's position in photo pixels.
   * @param {{clientX: number, clientY: number}} event
   * @returns {[number, number]}
   */
  toPhoto(event) {
    // getScreenCTM() is null only while the SVG is not rendered, when no pointer reaches it.
    const matrix = /** @type {DOMMatrix} */ (this.svg.getScreenCTM()).inverse();
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    return [point.x, point.y];
  }

  /** @param {PointerEvent} event */
  onPointerDown(event) {
    const node = landmarkOf(event);
    if (this.drag || this.press) return;
    if (!node) {
      this.startPress(event);
      return;
    }
    event.preventDefault();
    node.focus({ preventScroll: true });
    const [px, py] = this.toPhoto(event);
    const name = node.dataset.landmark ?? "";
    this.hooks.onCommitStart(name);
    this.drag = {
      name,
      pointerId: event.pointerId,
      dx: Number(node.dataset.x) - px,
      dy: Number(node.dataset.y) - py,
      touch: event.pointerType !== "mouse",
    };
    node.classList.add("is-dragging");
    this.svg.setPointerCapture(event.pointerId);
    if (this.drag.touch) this.showMagnifier(event, Number(node.dataset.x), Number(node.dataset.y));
  }

  // A tap on the photo places the pending point where the pointer is released; on touch the
  // magnifier shows what is under the finger until then, so the finger can slide onto the joint.
  /** @param {PointerEvent} event */
  startPress(event) {
    if (!this.placing || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    this.press = { pointerId: event.pointerId, touch: event.pointerType !== "mouse" };
    this.svg.setPointerCapture?.(event.pointerId);
    if (this.press.touch) this.showMagnifier(event, ...this.toPhoto(event));
  }

  /**
   * @param {PointerEvent} event
   * @param {boolean} cancelled
   */
  endPress(event, cancelled) {
    if (this.svg.hasPointerCapture?.(event.pointerId))
      this.svg.releasePointerCapture(event.pointerId);
    this.press = null;
    this.magnifier.hide();
    if (cancelled || !this.placing) return;
    const [width, height] = this.size();
    const at = tapOnPhoto(...this.toPhoto(event), width, height);
    if (at) this.hooks.onPlace(...at); // not when released outside the photo
  }

  /** @param {PointerEvent} event */
  onPointerMove(event) {
    if (this.press && event.pointerId === this.press.pointerId) {
      event.preventDefault();
      if (this.press.touch) this.showMagnifier(event, ...this.toPhoto(event));
      return;
    }
    if (!this.drag || event.pointerId !== this.drag.pointerId) return;
    event.preventDefault();
    const [px, py] = this.toPhoto(event);
    const x = px + this.drag.dx;
    const y = py + this.drag.dy;
    this.place(this.drag.name, x, y);
    const node = this.nodes.get(this.drag.name);
    if (this.drag.touch && node)
      this.showMagnifier(event, Number(node.dataset.x), Number(node.dataset.y));
    this.hooks.onMove(this.drag.name);
  }

  /** @param {PointerEvent} event */
  onPointerUp(event) {
    if (this.press && event.pointerId === this.press.pointerId) {
      this.endPress(event, event.type === "pointercancel");
      return;
    }
    if (!this.drag || event.pointerId !== this.drag.pointerId) return;
    const name = this.drag.name;
    this.nodes.get(name)?.classList.remove("is-dragging");
    if (this.svg.hasPointerCapture(event.pointerId))
      this.svg.releasePointerCapture(event.pointerId);
    this.drag = null;
    this.magnifier.hide();
    this.hooks.onMove(name);
  }

  /** @param {KeyboardEvent} event */
  onKeyDown(event) {
    const node = landmarkOf(event);
    if (
      !node &&
      event.target === this.svg &&
      this.placing &&
      (event.key === "Enter" || event.key === " ")
    ) {
      // Keyboard: place the pending point in the middle of the photo, then nudge it onto the joint.
      event.preventDefault();
      const name = this.placing.name;
      this.hooks.onPlace(...middleOf(...this.size()));
      this.nodes.get(name)?.focus({ preventScroll: true });
      return;
    }
    const step = ARROWS[event.key];
    if (!node || !step) return;
    event.preventDefault();
    const name = node.dataset.landmark ?? "";
    if (!event.repeat) this.hooks.onCommitStart(name);
    const size = event.shiftKey ? 10 : 1;
    this.place(
      name,
      Number(node.dataset.x) + step[0] * size,
      Number(node.dataset.y) + step[1] * size,
    );
    this.hooks.onMove(name);
  }

  /**
   * The magnifier around photo point (x, y), placed by the finger.
   * @param {{clientX: number, clientY: number}} event where the finger is
   * @param {number} x
   * @param {number} y
   */
  showMagnifier(event, x, y) {
    this.magnifier.show(event, x, y, this.unit);
  }
}
