// "Salin kode" on the page after a report: copy the tracking code. Without JavaScript
// the button stays hidden; the code is large and selectable, and the WhatsApp link works.
(function () {
  var button = document.getElementById("salin");
  var code = document.getElementById("kode");
  if (!button || !code) return;
  var status = document.getElementById("salin-status");
  button.hidden = false;
  function selectCode() {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copied() { status.textContent = "Kode tersalin."; }
  function byHand() {
    // Plain http on an office network has no clipboard API: the older command, else
    // leave the code selected for the person to copy.
    selectCode();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    status.textContent = done ? "Kode tersalin." : "Kode sudah dipilih: salin dengan tekan lama.";
  }
  button.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(button.dataset.code).then(copied, byHand);
    } else {
      byHand();
    }
  });
})();
