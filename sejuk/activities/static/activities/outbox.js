// The phone's outbox. An activity saved with no signal waits here (IndexedDB, with its
// photos) and sends itself when the signal returns, oldest first; each item shows what
// became of it: sent, or refused with the server's reason and a way to fix and resend,
// or, for an edit, both versions when someone else saved in between. Every record has
// an id made here (client_id): the server takes a repeat as the same record, so a send
// cut off after the server got it never makes two. Photos go in parts of PART bytes,
// resuming where the server stopped. Items belong to the person signed in; signing out
// sends them first, or warns that they would be lost.
(function () {
  "use strict";
  var body = document.body;
  var USER = body.getAttribute("data-user");
  if (!USER || !window.indexedDB || !window.fetch) return;
  var SEND_URL = body.getAttribute("data-outbox-send");
  var OUTBOX_URL = body.getAttribute("data-outbox");
  var PART = 256 * 1024;
  var SAVED_OFFLINE = "Kegiatan tersimpan di ponsel, akan dikirim saat ada sinyal.";

  // -- storage -------------------------------------------------------------------------
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var open = indexedDB.open("sejuk-kotak-keluar", 1);
        open.onupgradeneeded = function () {
          var store = open.result.createObjectStore("items", {keyPath: "id"});
          store.createIndex("user", "user");
        };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }
  function tx(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction("items", mode);
        var result = work(t.objectStore("items"));
        t.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function put(item) { return tx("readwrite", function (s) { s.put(item); }); }
  function remove(id) { return tx("readwrite", function (s) { s.delete(id); }); }
  function mine() {
    return tx("readonly", function (s) { return s.index("user").getAll(USER); }).then(function (items) {
      return items.sort(function (a, b) { return a.created - b.created; });
    });
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function waiting(item) { return item.state !== "terkirim"; }

  // -- the badge -------------------------------------------------------------------------
  function badge() {
    return mine().then(function (items) {
      var n = items.filter(waiting).length;
      var el = document.getElementById("outbox-badge");
      if (el) {
        el.hidden = n === 0;
        el.querySelector(".count").textContent = String(n);
        el.setAttribute("aria-label", n + " kegiatan menunggu di kotak keluar");
      }
      return items;
    });
  }

  // -- sending ---------------------------------------------------------------------------
  function formData(item) {
    var data = new FormData();
    item.fields.forEach(function (pair) { data.append(pair[0], pair[1]); });
    data.append("client_id", item.id);
    data.append("ditulis", item.written);
    if (item.activityId) data.append("activity_id", String(item.activityId));
    return data;
  }

  function post(url, options) {
    options.credentials = "same-origin";
    options.headers = Object.assign({"X-CSRFToken": csrf(), "Accept": "application/json"}, options.headers || {});
    return fetch(url, options).then(function (response) {
      if (response.redirected && response.url.indexOf("/masuk/") !== -1) {
        var e = new Error("perlu masuk"); e.signIn = true; throw e;
      }
      return response.json().catch(function () { return {}; }).then(function (json) {
        return {status: response.status, json: json};
      });
    });
  }

  // Sends one item as far as it goes; answers whether the outbox may go on.
  function sendOne(item) {
    var step = item.result ? Promise.resolve({status: 200, json: item.result})
      : post(SEND_URL, {method: "POST", body: formData(item)});
    return step.then(function (answer) {
      var s = answer.status;
      if (s === 200 || s === 201) {
        item.result = answer.json;
        item.reason = "";
        return put(item).then(function () { return sendPhotos(item); });
      }
      if (s === 409 && answer.json.current) {
        item.state = "konflik";
        item.current = answer.json.current;
      } else if (s >= 400 && s < 500 && answer.json.error) {
        item.state = "ditolak";
      } else {
        item.reason = "Server belum dapat menerima; dicoba lagi nanti.";
        return put(item).then(function () { return false; });
      }
      item.reason = answer.json.error.message;
      item.errors = answer.json.error.fields || {};
      return put(item).then(function () { return true; });
    });
  }

  function sendPhotos(item) {
    var next = item.photos.filter(function (p) { return !p.photoId; })[0];
    if (!next) {
      item.state = "terkirim";
      item.photos = item.photos.map(function (p) { return {id: p.id, name: p.name, photoId: p.photoId}; });
      return put(item).then(function () { return true; });
    }
    var url = "/api/activities/" + item.result.id + "/photos/parts/" + next.id;
    var size = next.blob.size;
    function from(offset) {
      var part = next.blob.slice(offset, Math.min(offset + PART, size));
      return post(url + "?offset=" + offset + "&size=" + size + (item.keepLocation ? "&keep_location=true" : ""), {
        method: "PUT", body: part, headers: {"Content-Type": "application/octet-stream"},
      }).then(function (answer) {
        if (answer.status === 409 && answer.json.error) return from(Number(answer.json.error.fields.offset));
        if (answer.status !== 200) {
          item.state = "ditolak";
          item.reason = "Foto " + next.name + ": " + ((answer.json.error || {}).message || "ditolak server.");
          return put(item).then(function () { return null; });
        }
        next.received = answer.json.received;
        if (answer.json.photo_id) { next.photoId = answer.json.photo_id; return put(item); }
        return put(item).then(function () { return from(answer.json.received); });
      });
    }
    // Where the server stopped, should an earlier attempt have been cut off.
    var start = next.received ? fetch(url, {credentials: "same-origin"}).then(function (r) {
      return r.ok ? r.json().then(function (j) { return j.received; }) : 0;
    }) : Promise.resolve(0);
    return start.then(from).then(function (done) {
      return done === null ? true : sendPhotos(item);
    });
  }

  var sending = null;
  var retryIn = 5000;
  function flush() {
    if (sending) return sending;
    sending = mine().then(function (items) {
      var queue = items.filter(function (i) { return i.state === "menunggu"; });
      function next() {
        var item = queue.shift();
        if (!item) return null;
        return sendOne(item).then(function (goOn) { return goOn ? next() : null; });
      }
      return next();
    }).then(function () { retryIn = 5000; }, function (e) {
      note(e && e.signIn ? "Silakan masuk lagi: kotak keluar dikirim sesudah Anda masuk."
        : "Belum ada sinyal: kotak keluar dikirim saat koneksi kembali.");
      // A weak signal: try again a little later, then less often.
      if (!e || !e.signIn) {
        setTimeout(function () { if (navigator.onLine) flush(); }, retryIn);
        retryIn = Math.min(retryIn * 2, 120000);
      }
    }).then(function () {
      sending = null;
      return badge().then(render);
    });
    return sending;
  }

  function note(text) {
    var el = document.getElementById("outbox-note");
    if (el) { el.textContent = text; el.hidden = false; }
  }

  // -- the activity form -----------------------------------------------------------------
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function fromForm(form, id) {
    var fields = [];
    var photos = [];
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" || name === "action") return;
      if (value instanceof Blob) {
        if (value.size) photos.push({id: uuid(), name: value.name, blob: value, received: 0, photoId: null});
      } else {
        fields.push([name, value]);
      }
    });
    var read = form.querySelector(".read") !== null;  // read by the server before saving
    if (read) fields.push(["dibaca", "1"]);
    var get = function (n) { var f = fields.filter(function (p) { return p[0] === n; })[0]; return f ? f[1] : ""; };
    return {
      id: id || uuid(), user: USER, created: Date.now(), written: today(), state: "menunggu",
      activityId: Number(form.getAttribute("data-activity") || 0) || null,
      fields: fields, photos: photos, keepLocation: get("keep_location") === "on",
      label: (get("summary") || get("text") || "Kegiatan").slice(0, 80), place: get("region"),
      day: get("date"), reason: "", errors: {},
    };
  }

  function intoForm(form, item) {
    item.fields.forEach(function (pair) {
      var inputs = form.querySelectorAll("[name='" + pair[0] + "']");
      Array.prototype.forEach.call(inputs, function (input) {
        if (input.type === "checkbox" || input.type === "radio") {
          if (input.value === pair[1] || (pair[1] === "on" && input.type === "checkbox")) input.checked = true;
        } else if (input.type !== "file") {
          input.value = pair[1];
        }
      });
    });
    var box = document.getElementById("outbox-status");
    if (box) {
      box.hidden = false;
      box.textContent = "Perbaiki isian lalu simpan lagi. Alasan ditolak: " + item.reason;
    }
  }

  function say(form, text) {
    var box = document.getElementById("outbox-status");
    if (!box) return;
    box.textContent = text;
    box.hidden = false;
    box.scrollIntoView({block: "center"});
  }

  function watchForm(form) {
    var fixing = new URLSearchParams(location.search).get("kotak");
    if (fixing) {
      tx("readonly", function (s) { return s.get(fixing); }).then(function (item) {
        if (item && item.user === USER) intoForm(form, item);
      });
    }
    // A pasted message may stand for the place, day and hour (read when it arrives):
    // with one, the browser does not hold the form back for those fields.
    var text = form.querySelector("[name=text]");
    if (text) {
      var relax = function () { form.noValidate = text.value.trim() !== ""; };
      text.addEventListener("input", relax);
      relax();
    }
    var date = form.querySelector("[name=date]");
    if (date && form.hasAttribute("data-new") && date.value && date.value < today()) date.value = today();
    form.addEventListener("submit", function (event) {
      var action = event.submitter && event.submitter.value;
      if (action === "baca") {
        if (!navigator.onLine) {
          event.preventDefault();
          say(form, "Tidak ada sinyal: pesan dibaca server saat kegiatan terkirim, lalu Anda periksa. Isi yang Anda tahu, lalu Simpan.");
        }
        return;
      }
      if (form.getAttribute("data-sent") === "1") return;  // sent the ordinary way
      if (form.hasAttribute("data-direct")) return;  // a form that does more than keep it
      var isEdit = form.hasAttribute("data-activity");
      if (isEdit && navigator.onLine) return;  // an edit online: the page's own 409
      event.preventDefault();
      // Until it is kept, the status says so: an earlier "tersimpan" must not stand for
      // this one, and a second tap while keeping it does nothing.
      if (form.getAttribute("data-keeping") === "1") return;
      form.setAttribute("data-keeping", "1");
      say(form, "Menyimpan...");
      var item = fromForm(form, fixing);
      put(item).then(function () {
        if (!navigator.onLine) return saved(form);
        return sendOne(item).then(function () {
          if (item.state === "terkirim") {
            location.href = item.result.url;
          } else if (item.state === "ditolak" && !isEdit) {
            // Refused while online: the page says why beside each field, as always.
            return remove(item.id).then(function () {
              form.setAttribute("data-sent", "1");
              var hidden = document.createElement("input");
              hidden.type = "hidden"; hidden.name = "action"; hidden.value = "simpan";
              form.appendChild(hidden);
              form.submit();
            });
          } else {
            saved(form);
          }
        }).catch(function () { return saved(form); });
      }, function () {
        form.removeAttribute("data-keeping");
        say(form, "Gagal menyimpan di ponsel (penyimpanan penuh atau diblokir). Isian masih di layar: coba Simpan lagi.");
      });
    });
  }

  function saved(form) {
    form.removeAttribute("data-keeping");
    return badge().then(function () {
      say(form, SAVED_OFFLINE);
      if (form.hasAttribute("data-new")) {
        var keepDate = form.querySelector("[name=date]").value;
        form.reset();
        form.querySelector("[name=date]").value = keepDate;
      }
      if (history.replaceState && location.search) history.replaceState(null, "", location.pathname);
    });
  }

  // -- the outbox page -------------------------------------------------------------------
  var STATES = {menunggu: "menunggu sinyal", terkirim: "terkirim", ditolak: "ditolak", konflik: "bertabrakan dengan perubahan lain"};

  function render() {
    var list = document.getElementById("outbox-list");
    if (!list) return null;
    return mine().then(function (items) {
      list.textContent = "";
      document.getElementById("outbox-empty").hidden = items.length > 0;
      items.forEach(function (item) { list.appendChild(row(item)); });
    });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function row(item) {
    var li = el("li", null, "outbox-item " + item.state);
    li.setAttribute("data-id", item.id);
    li.appendChild(el("strong", item.label));
    var photos = item.photos.length ? " · " + item.photos.length + " foto" : "";
    li.appendChild(el("p", (item.day || "") + " " + (item.place || "") + photos, "muted"));
    li.appendChild(el("p", STATES[item.state] || item.state, "state"));
    if (item.reason) li.appendChild(el("p", item.reason, "reason"));
    if (item.state === "terkirim" && item.result) {
      var a = el("a", "Buka kegiatan"); a.href = item.result.url; li.appendChild(a);
    }
    if (item.state === "ditolak") {
      var fix = el("a", "Perbaiki dan kirim lagi", "button");
      fix.href = (item.activityId ? "/kegiatan/" + item.activityId + "/ubah/" : "/kegiatan/baru/") + "?kotak=" + item.id;
      li.appendChild(fix);
    }
    if (item.state === "konflik" && item.current) li.appendChild(conflict(item));
    if (item.state !== "menunggu") {
      var drop = el("button", item.state === "terkirim" ? "Hapus dari daftar" : "Buang", "secondary-action");
      drop.type = "button";
      drop.addEventListener("click", function () { remove(item.id).then(badge).then(render); });
      li.appendChild(drop);
    }
    return li;
  }

  function conflict(item) {
    var box = el("div", null, "conflict");
    var table = el("table");
    var head = el("tr");
    ["", "Versi Anda (di ponsel)", "Versi tersimpan sekarang"].forEach(function (t) { head.appendChild(el("th", t)); });
    table.appendChild(head);
    var get = function (n) { var f = item.fields.filter(function (p) { return p[0] === n; })[0]; return f ? f[1] : ""; };
    [["Uraian", get("summary"), item.current.summary], ["Hasil", get("findings"), item.current.findings],
     ["Tanggal", get("date"), item.current.date], ["Situasi", get("situation"), item.current.situation]].forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("th", r[0])); tr.appendChild(el("td", r[1])); tr.appendChild(el("td", r[2]));
      table.appendChild(tr);
    });
    box.appendChild(table);
    var keepMine = el("button", "Pakai versi saya");
    keepMine.type = "button";
    keepMine.addEventListener("click", function () {
      // Saved knowingly over the current version.
      item.fields = item.fields.filter(function (p) { return p[0] !== "version"; });
      item.fields.push(["version", String(item.current.version)]);
      item.state = "menunggu"; item.current = null; item.reason = "";
      put(item).then(flush);
    });
    var keepTheirs = el("button", "Pakai versi tersimpan", "secondary-action");
    keepTheirs.type = "button";
    keepTheirs.addEventListener("click", function () { remove(item.id).then(badge).then(render); });
    box.appendChild(keepMine);
    box.appendChild(keepTheirs);
    return box;
  }

  // -- signing out -----------------------------------------------------------------------
  function forget() {
    var done = tx("readwrite", function (s) {
      var r = s.index("user").openCursor(USER);
      r.onsuccess = function () { var c = r.result; if (c) { c.delete(); c.continue(); } };
    });
    var sw = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (sw) sw.postMessage({type: "lupakan"});
    if (window.caches) caches.delete("sejuk-halaman");
    localStorage.removeItem("sejuk-halaman-disimpan");
    return done;
  }

  function watchSignOut() {
    var form = document.querySelector("form[data-sign-out]");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-ready") === "1") return;
      event.preventDefault();
      flush().then(mine).then(function (items) {
        var left = items.filter(waiting).length;
        if (left && !window.confirm(left + " kegiatan di kotak keluar belum terkirim dan akan hilang dari ponsel ini bila Anda keluar. Tetap keluar?")) return;
        return forget().then(function () {
          form.setAttribute("data-ready", "1");
          form.submit();
        });
      });
    });
  }

  // -- start -----------------------------------------------------------------------------
  var form = document.querySelector("form.activity");
  if (form) watchForm(form);
  watchSignOut();
  var now = document.getElementById("outbox-send");
  if (now) now.addEventListener("click", function () {
    if (!navigator.onLine) note("Belum ada sinyal: kotak keluar dikirim saat koneksi kembali.");
    flush();
  });
  window.addEventListener("online", flush);
  badge().then(render).then(function () { if (navigator.onLine) flush(); });
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", {scope: "/"}).then(function (reg) {
      // Once signed in and online, keep the field pages fresh on the phone.
      // (at most once an hour: each time, the worker loads the few field pages).
      var last = Number(localStorage.getItem("sejuk-halaman-disimpan") || 0);
      if (reg.active && navigator.onLine && Date.now() - last > 3600 * 1000) {
        localStorage.setItem("sejuk-halaman-disimpan", String(Date.now()));
        reg.active.postMessage({type: "simpan-halaman"});
      }
    }).catch(function () { return null; });
  }
  window.sejukOutbox = {flush: flush, items: mine};
})();
