// What a caught value says, for messages and logs: `catch` can receive anything (an Error, a
// DOMException, a string a library threw), so nothing reads `.message` without asking.

/**
 * The error's message, or the thrown value itself as text when it has none.
 * @param {unknown} error
 * @returns {string}
 */
export function messageOf(error) {
  const message = /** @type {{message?: unknown} | null | undefined} */ (error)?.message;
  return String(message ?? error);
}
