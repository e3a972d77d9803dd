// Enhancement only: "Bewaar voor offline" and the offline page. Without JavaScript or service workers the
// portal works as before; every word shown here is rendered by the server in the visitor's language.
// What a visitor keeps lives in the Cache Storage "jas-saved" (read by /sw.js when there is no network),
// with an index of what was kept, under which title, and at which version.
(() => {
  const SAVED = "jas-saved";
  const SHELL = "jas-shell";
  const INDEX = "/offline/saved.json";
  const CHECKED = "jas-offline-checked";
  const CHECK_EVERY = 10 * 60 * 1000;
  const blocks = [...document.querySelectorAll("[data-offline-save]")];

  const text = (block, key) => block.querySelector(`[data-offline-text="${key}"]`)?.textContent ?? "";
  const words = (value) => (value ?? "").split(" ").filter(Boolean);
  // A copy is known by its page, which may name a place on it ("/ar/informatie#videos": the films' list, kept apart
  // from the page's own copy); what is stored is the page itself, shared by both.
  const urlsOf = (entry) => [...entry.files, ...entry.pages, entry.page.split("#")[0]];

  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    blocks.forEach(unsupported);
    return;
  }
  navigator.serviceWorker.register("/sw.js").then(
    (registration) => {
      // A browser whose policy blocks workers may answer without a registration: nothing could work offline.
      if (!registration) {
        blocks.forEach(unsupported);
        return;
      }
      blocks.forEach((block) => setUp(block).catch(() => unsupported(block)));
      listKept();
      refreshKept();
    },
    () => blocks.forEach(unsupported));

  function unsupported(block) {
    block.hidden = false;
    block.querySelectorAll("button").forEach((button) => { button.hidden = true; });
    block.querySelector("[data-offline-status]").textContent = text(block, "unsupported");
  }

  function entryOf(block, page) {
    return {
      page: block.dataset.offlinePage,
      pages: words(block.dataset.offlinePages),
      files: words(block.dataset.offlineFiles),
      bytes: Number(block.dataset.offlineBytes) || 0,
      version: block.dataset.offlineVersion,
      title: block.dataset.offlineTitle,
      lang: page.documentElement.lang,
      dir: page.documentElement.dir,
    };
  }

  async function readIndex() {
    const response = await (await caches.open(SAVED)).match(INDEX);
    return response ? response.json() : [];
  }

  async function writeIndex(entries) {
    const body = JSON.stringify(entries);
    await (await caches.open(SAVED)).put(INDEX, new Response(body, { headers: { "Content-Type": "application/json" } }));
  }

  // One change to what is kept at a time, across this site's tabs too: two saves at once (both blocks of a page pressed, or
  // renewals running together) each read the index and wrote it back, and one copy was lost while its files stayed behind.
  let queue = Promise.resolve();
  function exclusive(work) {
    if (navigator.locks?.request) return navigator.locks.request("jas-offline", work);
    const turn = queue.then(work, work);
    queue = turn.catch(() => {});
    return turn;
  }

  const save = (entry) => exclusive(() => saveNow(entry));
  const remove = (page) => exclusive(() => removeNow(page));

  // Keeps every page and file of the entry, or nothing: all of it is downloaded before any of it is
  // stored, and what a failed attempt stored is taken out again unless an earlier copy needs it.
  async function saveNow(entry) {
    if (navigator.storage?.estimate) {
      const { quota, usage } = await navigator.storage.estimate();
      if (typeof quota === "number" && typeof usage === "number" && quota - usage < entry.bytes) {
        throw new DOMException("not enough room", "QuotaExceededError");
      }
    }
    const index = await readIndex();
    const previous = index.find((kept) => kept.page === entry.page);
    const others = index.filter((kept) => kept.page !== entry.page);
    const needed = new Set([...others.flatMap(urlsOf), ...(previous ? urlsOf(previous) : [])]);
    const arrived = [];
    for (const url of urlsOf(entry)) {
      const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
      if (!response.ok) throw new TypeError(`${url} answered ${response.status}`);
      arrived.push([url, await response.blob(), response.headers]);
    }
    const cache = await caches.open(SAVED);
    const stored = [];
    try {
      for (const [url, body, headers] of arrived) {
        await cache.put(url, new Response(body, { headers }));
        stored.push(url);
      }
      await writeIndex([...others, { ...entry, savedAt: new Date().toISOString() }]);
    } catch (error) {
      for (const url of stored.filter((url) => !needed.has(url))) await cache.delete(url);
      throw error;
    }
    const keptByOthers = new Set(others.flatMap(urlsOf).concat(urlsOf(entry)));
    for (const url of (previous ? urlsOf(previous) : []).filter((url) => !keptByOthers.has(url))) await cache.delete(url);
    await keepTheme();
  }

  async function removeNow(page) {
    const index = await readIndex();
    const entry = index.find((kept) => kept.page === page);
    const others = index.filter((kept) => kept.page !== page);
    await writeIndex(others);
    if (!entry) return;
    const needed = new Set(others.flatMap(urlsOf));
    const cache = await caches.open(SAVED);
    for (const url of urlsOf(entry).filter((url) => !needed.has(url))) await cache.delete(url);
  }

  // The stylesheets, scripts and fonts this page uses, so a kept page looks the same offline.
  async function keepTheme() {
    const own = (href) => new URL(href, location.href);
    const urls = [
      ...[...document.querySelectorAll("link[rel=stylesheet][href], script[src]")].map((e) => own(e.href || e.src)),
      ...performance.getEntriesByType("resource").map((e) => own(e.name)),
    ].filter((url) => url.origin === location.origin && url.pathname.startsWith("/_content/"));
    const cache = await caches.open(SHELL);
    for (const url of new Set(urls.map((u) => u.href))) {
      if (!(await cache.match(url))) await cache.add(url).catch(() => {});
    }
  }

  async function setUp(block) {
    const entry = entryOf(block, document);
    const status = block.querySelector("[data-offline-status]");
    const saveButton = block.querySelector('[data-offline-action="save"]');
    const removeButton = block.querySelector('[data-offline-action="remove"]');
    const say = (key, isError = false) => {
      status.textContent = text(block, key);
      status.classList.toggle("offline-save__status--error", isError);
    };
    const showKept = (kept) => {
      saveButton.hidden = kept;
      removeButton.hidden = !kept;
    };

    const kept = (await readIndex()).find((saved) => saved.page === entry.page);
    showKept(Boolean(kept));
    block.hidden = false;
    // A newer version was published since it was kept: the copy is renewed now, while online.
    if (kept && kept.version !== entry.version && navigator.onLine) {
      await save(entry).then(() => say("updated"), () => {});
    }

    saveButton.addEventListener("click", async () => {
      saveButton.disabled = true;
      say("saving");
      try {
        await save(entry);
        showKept(true);
        say("saved");
        removeButton.focus();
      } catch (error) {
        say(error?.name === "QuotaExceededError" ? "quota" : "download", true);
      } finally {
        saveButton.disabled = false;
      }
    });
    removeButton.addEventListener("click", async () => {
      await remove(entry.page);
      showKept(false);
      say("removed");
      saveButton.focus();
    });
  }

  // The offline page: a link to everything this device keeps.
  async function listKept() {
    const list = document.querySelector("[data-offline-list]");
    if (!list) return;
    const retry = document.querySelector("[data-offline-retry]");
    if (retry && !location.pathname.endsWith("/offline")) retry.href = location.href;
    const index = await readIndex();
    for (const entry of index) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = entry.page;
      link.textContent = entry.title;
      if (entry.lang) link.lang = entry.lang;
      if (entry.dir) link.dir = entry.dir;
      item.append(link);
      list.append(item);
    }
    document.querySelector("[data-offline-empty]").hidden = index.length > 0;
  }

  // Now and then, while online: renew every kept copy whose page was republished since, and say so.
  async function refreshKept() {
    if (!navigator.onLine || document.querySelector("[data-offline-list]")) return;
    const last = Number(localStorage.getItem(CHECKED)) || 0;
    if (Date.now() - last < CHECK_EVERY) return;
    localStorage.setItem(CHECKED, String(Date.now()));
    const here = new Set(blocks.map((block) => block.dataset.offlinePage));
    const renewed = [];
    for (const kept of (await readIndex()).filter((entry) => !here.has(entry.page))) {
      try {
        const response = await fetch(kept.page, { cache: "no-cache" });
        if (!response.ok) continue;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const block = [...page.querySelectorAll("[data-offline-save]")].find((b) => b.dataset.offlinePage === kept.page);
        if (!block || block.dataset.offlineVersion === kept.version) continue;
        await save(entryOf(block, page));
        renewed.push(kept.title);
      } catch (failed) {
        // The old copy stays; the next check tries again.
      }
    }
    const template = document.querySelector("template[data-offline-updated]");
    if (renewed.length && template) {
      const notice = template.content.firstElementChild.cloneNode(true);
      notice.querySelector("[data-offline-updated-titles]").textContent = renewed.join(", ");
      template.replaceWith(notice);
    }
  }
})();
