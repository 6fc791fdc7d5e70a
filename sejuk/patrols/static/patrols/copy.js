// "Salin teks": copy the route's text for a WhatsApp group; without JavaScript the text
// stays selectable in its box.
(function () {
  var button = document.getElementById("wa-copy");
  var text = document.getElementById("wa-text");
  if (!button || !text || !navigator.clipboard) return;
  var status = document.getElementById("wa-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(text.value).then(function () {
      status.textContent = "Teks tersalin; tempel di grup WhatsApp.";
    }, function () {
      text.select();
      status.textContent = "Tekan lama pada teks lalu pilih Salin.";
    });
  });
})();
