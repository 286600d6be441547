// What the timer keeps on this device (localStorage: the last valid plan and the cue options) and
// what a link carries (the plan's fields in the query). Storage may be blocked (private mode):
// then nothing is remembered and nothing fails.

export const PLAN_KEY = "hipthrust.timer.plan";
export const CUES_KEY = "hipthrust.timer.cues";

/**
 * @param {string} key
 * @returns {unknown} the stored value, or null
 */
export function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

/**
 * @param {string} key
 * @param {unknown} value
 */
export function save(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* private mode: nothing is remembered */
  }
}

/**
 * The plan's fields a shared link carries, or null when it carries none.
 * @param {readonly string[]} names
 * @returns {Record<string, string> | null}
 */
export function fieldsFromUrl(names) {
  const query = new URLSearchParams(location.search);
  /** @type {Record<string, string>} */
  const fields = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) fields[name] = value;
  }
  return Object.keys(fields).length ? fields : null;
}
