// The Log page's pieces as DOM: sessions with one `log-entry` per set, and the advice per leg
// with the balance and the timer's plan for next time. Every sentence comes from Python
// (hipthrust.web_log); this module only places it, with the stable test hooks of issue 20.

/** @typedef {import("./store.js").LogEntry} LogEntry */

/** @typedef {import("./replies.js").Session} Session */
/** @typedef {import("./replies.js").AdviceResult} AdviceResult */

const LEG_NAMES = /** @type {Record<string, string>} */ ({
  right: "Right leg",
  left: "Left leg",
  both: "Both legs",
});

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {(string | Node)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * One set as a list item with the hooks and a delete button.
 * @param {LogEntry} entry
 * @returns {HTMLLIElement}
 */
function entryItem(entry) {
  const load = entry.load == null ? "" : String(entry.load);
  const leg = String(entry.leg);
  const words = [
    `Set ${entry.set}: ${entry.reps} reps`,
    `${entry.rir === 4 ? "4+" : entry.rir} in reserve`,
  ];
  if (load) words.push(`${load} ${entry.unit}`);
  const item = element("li", {
    class: "log-entry",
    "data-testid": "log-entry",
    "data-id": entry.id,
    "data-date": String(entry.date).slice(0, 10),
    "data-step": String(entry.step),
    "data-leg": leg,
    "data-set": String(entry.set),
    "data-reps": String(entry.reps),
    "data-rir": String(entry.rir),
    "data-load": load,
    "data-unit": String(entry.unit),
  });
  const button = element(
    "button",
    {
      type: "button",
      class: "log-delete",
      "data-testid": "log-delete",
      "data-id": entry.id,
      "aria-label": `Delete set ${entry.set}, ${LEG_NAMES[leg] ?? leg}, ${String(entry.date).slice(0, 10)}`,
    },
    ["Delete"],
  );
  item.append(element("span", {}, [words.join(", ")]), button);
  return item;
}

/**
 * @param {HTMLElement} container
 * @param {Session[]} sessions newest first (Python's `log_sessions`)
 * @param {LogEntry[]} entries the stored entries, for each set's own line
 */
export function renderSessions(container, sessions, entries) {
  if (!sessions.length) {
    container.replaceChildren(element("p", { class: "log-empty" }, ["No sets yet."]));
    return;
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  container.replaceChildren(
    ...sessions.map((session) => {
      const block = element("article", { class: "log-session", "data-date": session.date });
      block.append(element("h3", {}, [`${session.date} · ${session.step_name}`]));
      for (const leg of session.legs) {
        const list = element("ul", { class: "log-sets" });
        for (const id of leg.entries) {
          const entry = byId.get(id);
          if (entry) list.append(entryItem(entry));
        }
        const name = element("strong", {}, [`${LEG_NAMES[leg.leg] ?? leg.leg}: `]);
        block.append(element("p", { class: "log-leg" }, [name, leg.summary]), list);
      }
      return block;
    }),
  );
}

/**
 * @param {{list: HTMLElement, balance: HTMLElement, plan: HTMLElement}} places
 * @param {AdviceResult} result Python's `log_advice`
 * @param {URL} siteRoot
 */
export function renderAdvice(places, result, siteRoot) {
  const link = (/** @type {string} */ path, /** @type {string} */ text) =>
    element("a", { href: new URL(path, siteRoot).href }, [text]);
  if (!result.advice.length) {
    places.list.replaceChildren(
      element("p", { class: "log-empty" }, [
        "Finish a set with the timer and save it: the advice for each leg shows here.",
      ]),
    );
  } else {
    places.list.replaceChildren(
      ...result.advice.map((advice) =>
        element(
          "div",
          {
            class: "log-advice",
            "data-testid": "log-advice",
            "data-leg": advice.leg,
            "data-action": advice.action,
          },
          [
            element("h3", {}, [`${LEG_NAMES[advice.leg] ?? advice.leg}: ${advice.title}`]),
            element("p", {}, [advice.reason]),
            element("p", { class: "log-advice-next" }, [advice.next_words]),
            element("p", { class: "log-advice-rule" }, [
              `The rule: ${advice.rule.when} `,
              element("em", {}, [advice.rule.do]),
              " ",
              link(advice.rule.link, "When to move up"),
            ]),
          ],
        ),
      ),
    );
  }
  const balance = result.balance;
  places.balance.hidden = !balance;
  if (balance) {
    places.balance.dataset.testid = "log-balance";
    places.balance.dataset.leg = balance.lagging;
    places.balance.replaceChildren(balance.words, " ", link(balance.link, "Which side first"));
  } else {
    delete places.balance.dataset.testid;
    places.balance.replaceChildren();
  }
  const timer = result.timer;
  places.plan.hidden = !timer;
  if (timer) {
    const query = new URLSearchParams(Object.entries(timer.fields).map(([k, v]) => [k, String(v)]));
    // The plan's own step where Python names it (both legs train one step), else the first leg's.
    const step = timer.step ?? result.advice[0]?.next.step;
    if (step) query.set("step", step);
    const open = link(`tools/tempo-timer/?${query}`, "Open the timer with this plan");
    open.dataset.testid = "log-timer-plan";
    open.className = "md-button md-button--primary";
    places.plan.replaceChildren(element("span", {}, [timer.summary]), " ", open);
  } else {
    places.plan.replaceChildren();
  }
}
