// Spoc's service worker, registered by boot.js on a kiosk or board (#/kiosk, #/board/...): it keeps
// the app shell (page, boot script, spoc.js, spoc.wasm, fonts, message catalogs) and the public
// article index in a cache, so a paired kiosk starts, reloads and checks people in while the
// server is down (its check-ins wait in the app's own outbox).
//
// Network first, cache as the fallback: while the server answers, every file comes from it (a
// deployment is picked up at once, no stale app) and the cached copy is refreshed. Only when the
// network fails is the cached copy used. Every other API call passes through untouched: nothing
// about a person is ever cached here.
'use strict';

var CACHE = 'spoc-shell-v1';
var SHELL = [
  './', 'boot.js', 'spoc.js', 'spoc.wasm',
  'fonts/Inter-Regular.otf', 'fonts/Inter-SemiBold.otf', 'fonts/DejaVuSans.ttf',
  'i18n/de.mo', 'i18n/fr.mo', 'i18n/ja.mo', 'i18n/ar.mo'
];
var CACHED_API = ['/api/v1/kiosk/kb/index'];  // public articles only

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // One by one, so a missing catalog doesn't stop the rest from being kept.
    return Promise.all(SHELL.map(function (path) {
      return cache.add(path).catch(function (e) { console.warn('Spoc offline cache: ' + path + ' (' + e.message + ')'); });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var api = url.pathname.indexOf('/api/') === 0;
  if (api && CACHED_API.indexOf(url.pathname) < 0) return;  // the network, untouched
  // The page is kept as './' whatever its query (?e2e=1, ?lang=...); the rest by path.
  var key = request.mode === 'navigate' ? './' : url.origin + url.pathname;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === 'basic') {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }, function (error) {
    return caches.open(CACHE).then(function (cache) { return cache.match(key); }).then(function (hit) {
      if (hit) return hit;
      throw error;
    });
  }));
});
