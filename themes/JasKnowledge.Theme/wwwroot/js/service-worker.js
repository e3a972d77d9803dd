// The portal kept for use without internet (served as /sw.js, scope: the whole portal).
// Pages come from the network first, so an online visitor always reads what is published now; only when
// the network fails does the worker answer from what this device keeps:
//   jas-saved   — what the visitor chose to keep ("Bewaar voor offline"); offline.js writes it
//   jas-visited — the pages the visitor opened, the newest few dozen
//   jas-shell   — the theme's files (their URLs carry a version) and the offline page per language
// The back office, previews and the API are never touched: they must never be answered from a cache.
const SAVED = "jas-saved";
const VISITED = "jas-visited";
const SHELL = "jas-shell";
const VISITED_LIMIT = 40;
const PASS_THROUGH = /^\/(beheer|voorbeeld|api|openapi|health|metrics|sw\.js)(\/|$)/;
const THEME = /^\/_content\//;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("jas-") && ![SAVED, VISITED, SHELL].includes(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || PASS_THROUGH.test(url.pathname)) return;
  if (request.mode === "navigate") event.respondWith(page(event, url));
  else if (THEME.test(url.pathname)) event.respondWith(themeFile(request));
  else event.respondWith(resource(request, url));
});

async function page(event, url) {
  try {
    const response = await fetch(event.request);
    if (response.ok && keepable(response) && !url.pathname.endsWith("/zoeken")) {
      event.waitUntil(rememberVisit(url, response.clone()));
    }
    event.waitUntil(keepOfflinePage(url));
    return response;
  } catch (offline) {
    const kept = (await keptByChoice(url)) ?? (await caches.match(url.href, { ignoreVary: true }));
    if (kept) return kept;
    return (await offlinePage(url)) ?? Response.error();
  }
}

async function themeFile(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function resource(request, url) {
  try {
    return await fetch(request);
  } catch (offline) {
    const kept = (await keptByChoice(url)) ?? (await caches.match(url.href, { ignoreVary: true }));
    if (!kept) throw offline;
    return request.headers.has("Range") ? ranged(request.headers.get("Range"), kept) : kept;
  }
}

// What the visitor chose to keep goes before an older copy of a page they merely opened.
async function keptByChoice(url) {
  return (await caches.open(SAVED)).match(url.href, { ignoreVary: true });
}

// A film plays from the cache only if the player gets the parts it asks for: it asks with Range.
async function ranged(range, response) {
  const body = await response.blob();
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === "" && match[2] === "")) return new Response(body, { status: 200, headers: response.headers });
  const size = body.size;
  const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  }
  const headers = new Headers(response.headers);
  headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  headers.set("Content-Length", String(end - start + 1));
  return new Response(body.slice(start, end + 1), { status: 206, headers });
}

function keepable(response) {
  const control = response.headers.get("Cache-Control") ?? "";
  return response.type === "basic" && !response.redirected && !/no-store|private/.test(control);
}

async function rememberVisit(url, response) {
  const cache = await caches.open(VISITED);
  await cache.delete(url.href);
  await cache.put(url.href, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - VISITED_LIMIT))) await cache.delete(old);
}

const cultureOf = (url) => url.pathname.split("/")[1] ?? "";
const triedOfflinePages = new Set();

// The offline page of each language the visitor reads in, kept the first time they come online in it.
async function keepOfflinePage(url) {
  const culture = cultureOf(url);
  if (!/^[a-z]{2,3}$/.test(culture) || triedOfflinePages.has(culture)) return;
  triedOfflinePages.add(culture);
  const cache = await caches.open(SHELL);
  const address = `/${culture}/offline`;
  if (await cache.match(address)) return;
  try {
    const response = await fetch(address);
    if (response.ok) await cache.put(address, response);
  } catch (offline) {
    triedOfflinePages.delete(culture);
  }
}

async function offlinePage(url) {
  const cache = await caches.open(SHELL);
  const own = await cache.match(`/${cultureOf(url)}/offline`);
  if (own) return own;
  const any = (await cache.keys()).find((request) => new URL(request.url).pathname.endsWith("/offline"));
  return any ? cache.match(any) : undefined;
}
