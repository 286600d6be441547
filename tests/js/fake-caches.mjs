// Cache Storage as a service worker sees it (caches.open/keys/delete/match, and each cache's
// match/put/addAll/keys/delete), in memory, plus a network whose answers the test chooses. Only
// what docs/sw.js uses.

/** @typedef {Request | URL | string | {url: string}} RequestLike */

/** @param {RequestLike} request */
function urlOf(request) {
  if (typeof request === "string") return request;
  return request instanceof URL ? request.href : request.url;
}

/** @param {string} url @param {boolean} ignoreSearch */
function key(url, ignoreSearch) {
  const parsed = new URL(url);
  if (ignoreSearch) parsed.search = "";
  return parsed.href;
}

/**
 * A same-origin answer as a browser types it ("basic").
 * @param {string} body
 * @param {ResponseInit} [init]
 */
export function basic(body, init = {}) {
  const response = new Response(body, init);
  Object.defineProperty(response, "type", { value: "basic" });
  return response;
}

export class FakeCache {
  /** @param {FakeNetwork} network */
  constructor(network) {
    this.network = network;
    /** @type {Map<string, Response>} */
    this.entries = new Map();
  }
  /** @param {RequestLike} request @param {{ignoreSearch?: boolean}} [options] */
  async match(request, { ignoreSearch = false } = {}) {
    const wanted = key(urlOf(request), ignoreSearch);
    for (const [url, response] of this.entries) {
      if (key(url, ignoreSearch) === wanted) return response.clone();
    }
    return undefined;
  }
  /** @param {RequestLike} request @param {Response} response */
  async put(request, response) {
    this.entries.set(urlOf(request), response);
  }
  /** @param {Request[]} requests */
  async addAll(requests) {
    for (const request of requests) {
      const response = await this.network.fetch(request);
      if (!response.ok) throw new TypeError(`addAll: ${request.url} answered ${response.status}`);
      await this.put(request, response);
    }
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  /** @param {RequestLike} request */
  async delete(request) {
    return this.entries.delete(urlOf(request));
  }
  /** The stored URLs, in order. */
  urls() {
    return [...this.entries.keys()];
  }
}

export class FakeCacheStorage {
  /** @param {FakeNetwork} network */
  constructor(network) {
    this.network = network;
    /** @type {Map<string, FakeCache>} */
    this.stores = new Map();
  }
  /** @param {string} name */
  async open(name) {
    if (!this.stores.has(name)) this.stores.set(name, new FakeCache(this.network));
    return /** @type {FakeCache} */ (this.stores.get(name));
  }
  async keys() {
    return [...this.stores.keys()];
  }
  /** @param {string} name */
  async delete(name) {
    return this.stores.delete(name);
  }
  /** @param {RequestLike} request */
  async match(request) {
    for (const cache of this.stores.values()) {
      const found = await cache.match(request);
      if (found) return found;
    }
    return undefined;
  }
}

/** The server: answers "<what>@<version>" for every URL, or fails when offline. */
export class FakeNetwork {
  version = "v1";
  online = true;
  /** @type {{url: string, cache: string | undefined}[]} */
  requests = [];
  /** @param {RequestLike} request @param {{cache?: string}} [init] */
  fetch = async (request, init = {}) => {
    const url = urlOf(request);
    const cache = init.cache ?? /** @type {{cache?: string}} */ (request).cache;
    this.requests.push({ url, cache });
    if (!this.online) throw new TypeError("Failed to fetch");
    if (url.endsWith("/missing/")) return basic("not found", { status: 404 });
    return basic(`${new URL(url).pathname}@${this.version}`);
  };
}
