// The checker's results as text (never colour alone): value, direction, verdict word, and for a
// fault the link to its Troubleshooting entry with the fix as a cue. Links are built from
// Material's site base, so they work wherever the site is hosted.

/** @import { Metric, Waiting } from "./replies.js" */

const VERDICT_WORDS = { good: "✓ Good", close: "~ Close", fix: "✗ Fix" };

/** The site root from Material's `__config` (its `base`), so links work under any path. */
function siteBase() {
  try {
    const config = JSON.parse(document.getElementById("__config")?.textContent ?? "");
    return new URL(config.base.endsWith("/") ? config.base : `${config.base}/`, location.href);
  } catch {
    return new URL("../../", location.href);
  }
}

/**
 * Signed degrees with a real minus sign: "+7.2°", "−3.0°".
 * @param {number} value
 */
export function signed(value) {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(1)}°`;
}

/**
 * One result as a list item with the test hooks: data-value (signed degrees), data-verdict.
 * @param {Metric} metric
 */
export function metricItem(metric) {
  const item = document.createElement("li");
  item.className = "checker-metric";
  item.dataset.testid = `metric-${metric.name.replace("_", "-")}`;
  item.dataset.value = String(metric.value);
  item.dataset.verdict = metric.verdict;
  const head = document.createElement("p");
  head.className = "checker-metric__head";
  const name = document.createElement("span");
  name.textContent = `${metric.label}: `;
  const value = document.createElement("strong");
  value.textContent = signed(metric.value);
  const verdict = document.createElement("span");
  verdict.className = `checker-verdict checker-verdict--${metric.verdict}`;
  verdict.textContent = VERDICT_WORDS[metric.verdict];
  head.append(name, value, ` (${metric.direction}) `, verdict);
  item.append(head);
  if (metric.fault) {
    const fix = document.createElement("p");
    fix.className = "checker-metric__fix";
    const link = document.createElement("a");
    link.href = new URL(`troubleshooting/#${metric.fault.anchor}`, siteBase()).href;
    link.textContent = metric.fault.title;
    fix.append(link, `: ${metric.fault.cue}`);
    item.append(fix);
  }
  return item;
}

/**
 * A measurement that still needs points: "Place the knee to see the shin angle." (no number).
 * @param {Waiting} waiting
 */
export function waitingItem(waiting) {
  const item = document.createElement("li");
  item.className = "checker-waiting";
  item.dataset.testid = `waiting-${waiting.metric.replace("_", "-")}`;
  item.textContent = waiting.message;
  return item;
}

/**
 * Points the detector asks the user to check, each with its reason and a "Looks right" button.
 * @param {{name: string, label: string, reason: string}} point
 */
export function checkItem({ name, label, reason }) {
  const item = document.createElement("li");
  item.className = "checker-check";
  const text = document.createElement("span");
  const strong = document.createElement("strong");
  strong.textContent = `${label}: `;
  text.append(strong, reason);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button";
  button.dataset.action = "confirm";
  button.dataset.point = name;
  button.dataset.testid = `confirm-${name.replaceAll("_", "-")}`;
  button.textContent = "Looks right";
  button.setAttribute("aria-label", `${label} looks right`);
  item.append(text, " ", button);
  return item;
}
