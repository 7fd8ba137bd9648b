// Service worker: keeps the app's own files so the planner opens and works
// offline after the first visit. It caches only this origin's GET
// responses (the app's code, styles, the bundled sample and the rules
// document the recommendations link to); a user's
// export is never fetched, so it never passes through here.
const CACHE = "kaizala-planner-v2";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(["./", "./index.html", "./sample-export.csv", "./favicon.svg", "./rules.md", "./import-worker.js"]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Network first, so a new release shows up at once; the cached copy when
// the network is gone.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true })
        .then((hit) => hit || (request.mode === "navigate" ? caches.match("./index.html") : undefined))
        .then((hit) => hit || new Response("Offline and not cached", { status: 503 }))),
  );
});
