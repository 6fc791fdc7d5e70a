// The public report form keeps what a citizen typed until the report is sent: a send
// that fails (no signal, a dropped connection) leaves every word in place and offers to
// send again, and what was typed comes back after a reload or a closed browser. The
// name and telephone are never kept on the phone (it may be shared); the draft goes
// once the server has the report.
(function () {
  "use strict";
  var form = document.querySelector("form[data-keep]");
  if (!form || !window.fetch || !window.localStorage) return;
  var KEY = "sejuk-laporan-draf";
  var PRIVATE = ["csrfmiddlewaretoken", "name", "phone", "photo"];
  var status = document.getElementById("keep-status");

  function say(text, again) {
    status.textContent = text;
    if (again) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "Kirim lagi";
      button.addEventListener("click", function () { send(); });
      status.appendChild(document.createTextNode(" "));
      status.appendChild(button);
    }
    status.hidden = false;
  }

  function save() {
    var draft = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name || PRIVATE.indexOf(input.name) !== -1 || input.type === "file") return;
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) draft[input.name] = input.value;
      } else {
        draft[input.name] = input.value;
      }
    });
    localStorage.setItem(KEY, JSON.stringify(draft));
  }

  function restore() {
    var draft = JSON.parse(localStorage.getItem(KEY) || "null");
    var description = form.elements.description;
    if (!draft || !description || description.value) return;
    Object.keys(draft).forEach(function (name) {
      Array.prototype.forEach.call(form.querySelectorAll("[name='" + name + "']"), function (input) {
        if (input.type === "checkbox" || input.type === "radio") input.checked = input.value === draft[name];
        else input.value = draft[name];
      });
    });
    say("Isian Anda yang belum terkirim dipulihkan. Periksa, lalu kirim laporan.");
  }

  function send() {
    save();
    say("Mengirim laporan…");
    fetch(form.action || location.href, {
      method: "POST", body: new FormData(form), credentials: "same-origin", redirect: "manual",
    })
      .then(function (response) {
        if (response.type === "opaqueredirect") {
          // Received: the receipt page shows the code (carried by the answer's cookie).
          localStorage.removeItem(KEY);
          location.href = form.getAttribute("data-sent");
          return null;
        }
        return response.text().then(function (html) {
          // Refused: the server's own page, the form with its reasons beside the fields.
          document.open();
          document.write(html);
          document.close();
        });
      })
      .catch(function () {
        say("Laporan belum terkirim: koneksi terputus. Isian Anda tetap di sini.", true);
      });
  }

  restore();
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!navigator.onLine) {
      save();
      say("Tidak ada sinyal: laporan belum terkirim. Isian Anda tetap di sini.", true);
      return;
    }
    send();
  });
})();
