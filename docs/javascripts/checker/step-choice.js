// The step in the photo (issue 18): the choice is a select (`checker-step`) whose options are the
// ladder's keys (hipthrust.steps, written into the page by the macros) and whose `data-step` is
// the chosen key. `?step=` in the page's address chooses it (a ladder row's link opens the
// checker with its step), and a change writes it back, so a reload or a shared link keeps it.
// Python decides what each step checks and which step a photo looks like (its suggestion is drawn
// by checker/render.js and accepted in checker/controls.js); this module only moves the choice.

/**
 * @param {HTMLSelectElement} select
 * @param {string} key
 * @returns {boolean} whether the list has this step
 */
function has(select, key) {
  return [...select.options].some((option) => option.value === key);
}

/**
 * The step asked for by `?step=` when the list has it, else the page's default; shown.
 * @param {HTMLSelectElement} select
 * @returns {string} the chosen step's key
 */
export function initialStep(select) {
  const asked = new URL(location.href).searchParams.get("step");
  if (asked && has(select, asked)) select.value = asked;
  select.dataset.step = select.value;
  return select.value;
}

/**
 * Show `key` as the chosen step, in the list and in the page's address.
 * @param {HTMLSelectElement} select
 * @param {string} key
 * @returns {boolean} false for a key the list does not have (nothing changes)
 */
export function showStep(select, key) {
  if (!has(select, key)) return false;
  select.value = key;
  select.dataset.step = key;
  const url = new URL(location.href);
  url.searchParams.set("step", key);
  history.replaceState(history.state, "", url);
  return true;
}
