// "Salin teks": the edited title and text to the clipboard, ready to paste elsewhere.
(function () {
  var button = document.getElementById("copy");
  var form = document.getElementById("release");
  if (!button || !form) return;
  var status = document.getElementById("copy-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    var text = form.elements.title.value.trim() + "\n\n" + form.elements.body.value.trim() + "\n";
    var done = function () { status.textContent = "Teks tersalin."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  });
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
  }
})();
