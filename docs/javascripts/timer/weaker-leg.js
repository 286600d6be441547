// Which leg goes first (issues 17 and 20): the Programming page advises starting with the weaker
// leg, while you are fresh. The timer asks which leg that is, instead of starting on the right
// by default, and remembers the answer on this phone. A plan that arrives in a link (e.g. the
// Log page's plan for next time, which puts a lagging leg first) keeps its own first leg.

const WEAKER_KEY = "hipthrust.timer.weaker";

/** @returns {string | null} "left", "right" or null when never answered */
export function rememberedWeakerLeg() {
  try {
    const value = localStorage.getItem(WEAKER_KEY);
    return value === "left" || value === "right" ? value : null;
  } catch {
    return null;
  }
}

/**
 * Wire the question's two buttons to the form's first-leg field.
 * @param {HTMLElement} root the timer's root
 * @param {boolean} planFromLink whether the plan came from a link (its first leg wins)
 * @returns {() => void} detach
 */
export function attachWeakerLeg(root, planFromLink) {
  const first = /** @type {HTMLSelectElement | null} */ (root.querySelector('[name="first"]'));
  const buttons = /** @type {HTMLButtonElement[]} */ ([
    ...root.querySelectorAll('[data-testid="weaker-leg"]'),
  ]);
  if (!first || !buttons.length) return () => {};
  let weaker = rememberedWeakerLeg();
  const show = () => {
    for (const button of buttons)
      button.setAttribute("aria-pressed", String(button.dataset.leg === weaker));
  };
  /** @param {string} leg */
  const setFirst = (leg) => {
    if (first.value === leg) return;
    first.value = leg;
    first.dispatchEvent(new Event("input", { bubbles: true })); // the form checks the plan again
  };
  if (weaker && !planFromLink) setFirst(weaker);
  show();
  /** @param {MouseEvent} event */
  const onClick = (event) => {
    const button = /** @type {Element} */ (event.target).closest('[data-testid="weaker-leg"]');
    const leg = button instanceof HTMLElement ? (button.dataset.leg ?? "") : "";
    // While a set runs the plan is locked (its fields are disabled): the answer waits.
    if ((leg !== "left" && leg !== "right") || first.disabled) return;
    weaker = leg;
    try {
      localStorage.setItem(WEAKER_KEY, leg);
    } catch {
      /* private mode: the choice holds for this visit */
    }
    setFirst(leg);
    show();
  };
  root.addEventListener("click", onClick);
  return () => root.removeEventListener("click", onClick);
}
