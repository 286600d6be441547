// The step in the photo (issue 18): the choice (`checker-step`, a select whose `data-step` is the
// chosen key), `?step=` in the page's address (a ladder row's link opens the checker with its
// step), and Python's suggestion of another step (`checker-step-suggestion`, `data-step` = the
// suggested key), shown with a button to accept it. The step changes only by the user's choice
// or that button: a suggestion never switches the verdicts by itself. Python decides everything
// (which step the photo looks like, what each step checks); this module moves the events.

/** @typedef {{ step: string, name: string, message: string }} Suggestion */

export class StepChoice {
  /**
   * @param {HTMLSelectElement} select the step list (its options are the ladder's keys)
   * @param {HTMLElement} box the suggestion: a text and an accept button inside
   * @param {{ onChange: (step: string) => void }} handlers called after the step changed
   */
  constructor(select, box, { onChange }) {
    this.select = select;
    this.box = box;
    this.text = /** @type {HTMLElement} */ (box.querySelector("p"));
    this.accept = /** @type {HTMLButtonElement} */ (box.querySelector("button"));
    this.onChange = onChange;
    /** @type {string | null} */
    this.offered = null;
    const asked = new URL(location.href).searchParams.get("step");
    if (asked && this.has(asked)) this.select.value = asked;
    this.select.dataset.step = this.select.value;
    this.onSelect = () => this.choose(this.select.value);
    this.onAccept = () => {
      if (this.offered) this.choose(this.offered);
    };
    this.select.addEventListener("change", this.onSelect);
    this.accept.addEventListener("click", this.onAccept);
  }

  /** The chosen step's key. */
  get step() {
    return this.select.value;
  }

  /**
   * @param {string} key
   * @returns {boolean} whether the list has this step
   */
  has(key) {
    return [...this.select.options].some((option) => option.value === key);
  }

  /** @param {string} key the step to judge the photo as (the user's choice) */
  choose(key) {
    if (!this.has(key)) return;
    this.select.value = key;
    this.select.dataset.step = key;
    const url = new URL(location.href);
    url.searchParams.set("step", key);
    history.replaceState(history.state, "", url);
    this.suggest(null);
    this.onChange(key);
  }

  /** @param {Suggestion | null | undefined} suggestion Python's, or none */
  suggest(suggestion) {
    const offered = suggestion && suggestion.step !== this.step ? suggestion : null;
    this.offered = offered ? offered.step : null;
    this.box.hidden = !offered;
    if (offered) {
      this.box.dataset.step = offered.step;
      this.text.textContent = offered.message;
      this.accept.textContent = `Use “${offered.name}”`;
    } else {
      delete this.box.dataset.step;
      this.text.textContent = "";
    }
  }

  destroy() {
    this.select.removeEventListener("change", this.onSelect);
    this.accept.removeEventListener("click", this.onAccept);
  }
}

/**
 * The optional checks the chosen step offers (Python's `checker_setup` lists them per step; a
 * step on two feet has no free leg), shown and hidden in the page.
 * @param {ParentNode} ui the checker's markup
 * @param {{ steps: { key: string, options: string[] }[] } | null} setup
 * @param {string} step the chosen step's key
 * @returns {(option: string) => boolean} whether the step offers an option
 */
export function stepOptions(ui, setup, step) {
  const offered = setup?.steps.find((s) => s.key === step)?.options ?? null;
  /** @param {string} option */
  const offers = (option) => offered === null || offered.includes(option);
  for (const input of ui.querySelectorAll("input[data-option]")) {
    const option = /** @type {HTMLInputElement} */ (input).dataset.option ?? "";
    const label = input.closest("label");
    if (label) label.hidden = !offers(option);
  }
  return offers;
}
