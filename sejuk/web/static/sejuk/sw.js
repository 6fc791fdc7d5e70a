// Sejuk's service worker: keeps the field pages (SEJUK.pages, given by /sw.js) and the
// static files on the phone, so the activity form opens with no signal. Pages are asked
// of the network first and kept; with no signal the kept copy is shown, for as long as
// SEJUK.offlineHours allows after it was kept. Static files are served from the phone.
// Nothing else is kept: no API answer, no photo, nothing of another person's.
/* global SEJUK */
"use strict";

var PAGES = "sejuk-halaman";
var STATIC = "sejuk-statis";
var KEPT_AT = "x-sejuk-disimpan";

function keep(cache, request, response) {
  // The copy carries when it was kept, so that an old one is not shown forever.
  return response.clone().blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(KEPT_AT, String(Date.now()));
    return cache.put(request, new Response(body, {status: response.status, statusText: response.statusText, headers: headers}));
  });
}

function staticUrls(html) {
  var found = [];
  var re = /(?:src|href)="(\/static\/[^"]+)"/g;
  var m;
  while ((m = re.exec(html))) found.push(m[1].replace(/&amp;/g, "&"));
  return found;
}

// Fetch each field page signed in, keep it and the static files it names.
function keepFieldPages() {
  return caches.open(PAGES).then(function (pages) {
    return caches.open(STATIC).then(function (statics) {
      return Promise.all(SEJUK.pages.map(function (url) {
        return fetch(url, {credentials: "same-origin", redirect: "follow"}).then(function (response) {
          // Signed out, a page answers the sign-in form: nothing is kept.
          if (!response.ok || response.redirected) return null;
          return response.clone().text().then(function (html) {
            return Promise.all([
              keep(pages, url, response),
              statics.addAll(staticUrls(html)).catch(function () { return null; }),
            ]);
          });
        }).catch(function () { return null; });
      }));
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(keepFieldPages().then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "simpan-halaman") {
    event.waitUntil(keepFieldPages().then(function () {
      if (event.source) event.source.postMessage({type: "halaman-tersimpan"});
    }));
  } else if (data.type === "lupakan") {
    // Signing out: the pages of this person leave the phone.
    event.waitUntil(caches.delete(PAGES).then(function () {
      if (event.source) event.source.postMessage({type: "terlupakan"});
    }));
  }
});

function fieldPage(url) {
  return SEJUK.pages.indexOf(url.pathname) !== -1;
}

function fresh(response) {
  var kept = Number(response.headers.get(KEPT_AT) || 0);
  return Date.now() - kept <= SEJUK.offlineHours * 3600 * 1000;
}

function offlineAnswer(url) {
  return caches.open(PAGES).then(function (pages) {
    return pages.match(url.pathname).then(function (kept) {
      if (kept && fresh(kept)) return kept;
      return pages.match(SEJUK.offlinePage).then(function (outbox) {
        if (outbox && fresh(outbox) && fieldPage(url)) return outbox;
        var text = kept
          ? "<p>Halaman yang tersimpan di ponsel sudah terlalu lama. Sambungkan ke internet lalu masuk lagi.</p>"
          : "<p>Tidak ada sinyal, dan halaman ini tidak tersimpan di ponsel. Kegiatan yang sudah Anda simpan tetap menunggu di kotak keluar.</p>";
        return new Response(
          "<!doctype html><html lang=id><meta charset=utf-8><meta name=viewport content='width=device-width, initial-scale=1'><title>Tanpa sinyal · Sejuk</title><h1>Tanpa sinyal</h1>" + text + "<p><a href='" + SEJUK.offlinePage + "'>Kotak keluar</a></p>",
          {status: 503, headers: {"Content-Type": "text/html; charset=utf-8"}}
        );
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.open(STATIC).then(function (statics) {
      return statics.match(request).then(function (kept) {
        return kept || fetch(request).then(function (response) {
          if (response.ok) statics.put(request, response.clone());
          return response;
        });
      });
    }));
    return;
  }
  if (request.mode !== "navigate") return;
  event.respondWith(fetch(request).then(function (response) {
    if (fieldPage(url) && response.ok && !response.redirected && !url.search) {
      var copy = response.clone();
      caches.open(PAGES).then(function (pages) { return keep(pages, url.pathname, copy); });
    }
    return response;
  }).catch(function () { return offlineAnswer(url); }));
});
