// What is off on this device, in words, under the display (data-testid="timer-limits"): before a
// set from what the browser offers, during a set from the run itself (timer/run.js limitations,
// which follow the audio dropping out and coming back).

import { canVibrate } from "./extras.js";

/** @typedef {import("./types.js").CueOptions} CueOptions */

/**
 * Before a set: what this browser cannot do of what the options ask for.
 * @param {CueOptions} options
 * @param {boolean} voiceAvailable
 * @returns {string[]}
 */
export function deviceLimits(options, voiceAvailable) {
  const lines = [];
  if (!globalThis.AudioContext && !Reflect.get(globalThis, "webkitAudioContext"))
    lines.push("No sound: this browser has no Web Audio.");
  if (options.voice && !voiceAvailable)
    lines.push("Voice unavailable: no speech voices on this device.");
  if (options.vibration && !canVibrate) lines.push("No vibration on this device.");
  if (!("wakeLock" in navigator))
    lines.push("The screen may sleep: keeping it on is not supported here.");
  return lines;
}

/**
 * Show the lines as a list; the same lines again change nothing (this runs on every frame).
 * @param {HTMLElement} list
 * @param {string[]} lines
 */
export function showLimits(list, lines) {
  const text = lines.join("\n");
  if (list.dataset.text === text) return;
  list.dataset.text = text;
  list.replaceChildren(
    ...lines.map((line) => {
      const item = document.createElement("li");
      item.textContent = line;
      return item;
    }),
  );
}
