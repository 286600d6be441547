// "Copy a link to this plan": the checked plan's fields in the page's query, copied to the
// clipboard; where the clipboard is refused, the address bar holds the link instead.

/** @typedef {import("./types.js").PlanFields} PlanFields */

/**
 * @param {PlanFields} plan the checked plan (Python's fields)
 * @param {HTMLElement} status where the outcome is said
 */
export async function copyPlanLink(plan, status) {
  const url = new URL(location.href);
  url.search = new URLSearchParams(
    Object.entries(plan).map(([name, value]) => [name, String(value)]),
  ).toString();
  url.hash = "";
  history.replaceState(history.state, "", url.href);
  try {
    await navigator.clipboard.writeText(url.href);
    status.textContent = "Link copied.";
  } catch {
    status.textContent = "The address bar now holds the link to this plan.";
  }
}
