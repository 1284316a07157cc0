// copydesk works offline once loaded. At install the worker keeps every file of the
// build (the page, its lazy chunks and styles: the list is written in at build time by
// web/vite.config.ts), so the first visit is enough; later it serves the network's copy
// when there is one and the kept copy when there is not. A new build is a new cache.
const VERSION = '__VERSION__'
const FILES = '__FILES__'
const CACHE = `copydesk-${VERSION}`

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting())
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith('copydesk-') && name !== CACHE).map((name) => caches.delete(name))
        )
      )
      .then(() => self.clients.claim())
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone()
          void caches.open(CACHE).then((cache) => cache.put(request, copy))
        }
        return response
      })
      .catch(() =>
        caches
          .match(request, {ignoreSearch: true})
          .then((hit) => hit || (request.mode === 'navigate' ? caches.match('./index.html') : Response.error()))
      )
  )
})
