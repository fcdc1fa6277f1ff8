// gouji's service worker: precaches every asset of one build under a cache named by the build, so
// the checker works offline after one visit. A new build installs beside the old one and waits;
// the page offers a reload, and only then does the new build take over, all of it at once.
const VERSION = '__GOUJI_VERSION__';
const ASSETS = __GOUJI_ASSETS__;
// Fetched by the page only when a file needs them (the GB18030 tables, the PDF reader: pdf-text.js
// and pdf/), so not in the first load; cached here in the background once the page is ready (it
// asks for the offline status only then), so that a GBK file or a PDF dropped offline is read too.
// Their list, with their hashes, is a file of its own ({url: 'later.json', integrity}), fetched
// with them: 174 hashes written here would put 7 KB of the first load into this script.
const LATER_LIST = __GOUJI_LATER__;
const CACHE = `gouji-${VERSION}`;
// At most this many background fetches at once: quick on a good line, and the page's own
// requests (a file dropped meanwhile) are not queued behind a hundred character maps.
const LATER_PARALLEL = 4;

// 'no-cache' revalidates with the server, so what the page itself just downloaded is not
// downloaded again (a 304); each asset's hash (integrity) makes the install fail, rather than mix
// two builds, if another deploy lands while it runs.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await cache.addAll(ASSETS.map((asset) => new Request(asset.url, { cache: 'no-cache', integrity: asset.integrity })));
    await reuseLater(cache).catch(() => {});  // not reused: fetched in the background instead
  }));
});

// The LATER assets, [{url, integrity}], from this build's later.json (cached with them).
let later = null;
function laterAssets() {
  later ??= (async () => {
    const cache = await caches.open(CACHE);
    if (!(await cache.match(LATER_LIST.url))) {
      await cache.add(new Request(LATER_LIST.url, { cache: 'no-cache', integrity: LATER_LIST.integrity }));
    }
    return (await cache.match(LATER_LIST.url)).json();
  })().catch((error) => {
    later = null;  // offline, say: asked again next time
    throw error;
  });
  return later;
}

// The integrity string ("sha256-<base64>") of a response's body.
async function integrityOf(response) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}

// A new build's LATER assets are mostly the old build's (pdf.js and the GB18030 tables change
// rarely): each one an older cache holds with this build's hash is copied, not downloaded again.
async function reuseLater(cache) {
  for (const asset of await laterAssets()) {
    const old = await caches.match(asset.url);
    if (old && (await integrityOf(old.clone())) === asset.integrity) await cache.put(asset.url, old);
  }
}

// The assets of `list` that are not in this build's cache (the install put ASSETS there, the
// background LATER; a browser may have evicted some since).
async function missing(list) {
  const cache = await caches.open(CACHE);
  const hits = await Promise.all(list.map((asset) => cache.match(asset.url)));
  return list.filter((_, k) => !hits[k]);
}

// Whether every asset of this build, the LATER ones included, is in its cache.
async function complete() {
  try {
    return (await missing([...ASSETS, LATER_LIST, ...(await laterAssets())])).length === 0;
  } catch {
    return false;  // later.json is neither cached nor to be fetched
  }
}

// Caches the LATER assets not cached yet, LATER_PARALLEL at a time; one run at a time, however
// many pages ask. A failure (offline, another deploy) leaves the asset out: the next ask retries.
let filling = null;
function fillLater() {
  filling ??= (async () => {
    const cache = await caches.open(CACHE);
    const queue = await missing(await laterAssets());
    const next = async () => {
      for (let asset; (asset = queue.shift());) {
        try {
          await cache.add(new Request(asset.url, { cache: 'no-cache', integrity: asset.integrity }));
        } catch {
          // not cached: complete() stays false, and the page does not say it works offline
        }
      }
    };
    await Promise.all(Array.from({ length: LATER_PARALLEL }, next));
  })().catch(() => {}).finally(() => {
    filling = null;
  });
  return filling;
}

// Tells a page (or every page this worker controls) that it works offline: {type: 'offline-ready'}.
async function tellOfflineReady(clients) {
  if (!(await complete())) return;
  for (const client of clients) client.postMessage({ type: 'offline-ready', version: VERSION });
}

// Resolved once this worker has taken over (its activate event done).
let takenOver;
const tookOver = new Promise((resolve) => {
  takenOver = resolve;
});
const whenActivated = () => (self.serviceWorker.state === 'activated' ? Promise.resolve() : tookOver);

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('gouji-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
    await tellOfflineReady(await self.clients.matchAll({ type: 'window' }));
    takenOver();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'activate') self.skipWaiting();
  // A page asks once it is controlled and ready: answered only by the worker that controls it,
  // whose build is the page's (a waiting one is not asked; the one taking over on a first visit
  // is, as clients.claim() makes it the controller), once the LATER assets are cached too. Only
  // then are they fetched, so that they never compete with the page's first load.
  else if (type === 'offline-status' && ['activating', 'activated'].includes(self.serviceWorker.state)) {
    event.waitUntil(whenActivated().then(fillLater).then(() => tellOfflineReady([event.source])));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    if (request.mode === 'navigate') {
      const page = await cache.match('./');
      if (page) return page;
    }
    // Not cached yet (a LATER asset a file needs before the background has fetched it): keep a
    // copy, so that it works offline the next time.
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  })());
});
