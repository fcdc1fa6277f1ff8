// gouji's service worker: precaches every asset of one build under a cache named by the build, so
// the checker works offline after one visit. A new build installs beside the old one and waits;
// the page offers a reload, and only then does the new build take over, all of it at once.
const VERSION = '__GOUJI_VERSION__';
const ASSETS = __GOUJI_ASSETS__;
const CACHE = `gouji-${VERSION}`;

// 'no-cache' revalidates with the server, so what the page itself just downloaded is not
// downloaded again (a 304); each asset's hash (integrity) makes the install fail, rather than mix
// two builds, if another deploy lands while it runs.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(
    ASSETS.map((asset) => new Request(asset.url, { cache: 'no-cache', integrity: asset.integrity })))));
});

// Whether every asset of this build is in its cache (the install put them there; a browser may
// have evicted some since).
async function complete() {
  const cache = await caches.open(CACHE);
  const hits = await Promise.all(ASSETS.map((asset) => cache.match(asset.url)));
  return hits.every(Boolean);
}

// Tells a page (or every page this worker controls) that it works offline: {type: 'offline-ready'}.
async function tellOfflineReady(clients) {
  if (!(await complete())) return;
  for (const client of clients) client.postMessage({ type: 'offline-ready', version: VERSION });
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('gouji-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
    await tellOfflineReady(await self.clients.matchAll({ type: 'window' }));
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'activate') self.skipWaiting();
  // A page asks once it is controlled: answered only by the worker that controls it, whose build
  // is the page's (a waiting one is not asked).
  else if (type === 'offline-status' && self.serviceWorker.state === 'activated') {
    event.waitUntil(tellOfflineReady([event.source]));
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
    // Not precached (the GB18030 tables and the PDF reader, pdf-text.js and pdf/, fetched only when
    // a file needs them): keep a copy, so that it works offline the next time.
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  })());
});
