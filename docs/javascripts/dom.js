// Finding a tool's own markup, typed. Every element a tool uses is in its page (docs/tools/*.md),
// laid out before the script loads; one that is missing or of another kind is a fault of the page,
// so the mount stops at once with the selector rather than failing later on a null.

/**
 * The element matching `selector` under `root`, checked to be a `type`.
 * @template {Element} T
 * @param {ParentNode} root
 * @param {string} selector
 * @param {{ new (...args: never[]): T; prototype: T }} type
 * @returns {T}
 */
export function find(root, selector, type) {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`The tool's markup lacks ${selector}`);
  return element;
}
