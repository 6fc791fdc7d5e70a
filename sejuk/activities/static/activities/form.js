// Fill the activity's GPS point from the phone, when the person asks for it.
(function () {
  var button = document.getElementById("gps");
  if (!button || !navigator.geolocation) return;
  var status = document.getElementById("gps-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "Mencari lokasi…";
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById("id_lat").value = pos.coords.latitude.toFixed(6);
      document.getElementById("id_lng").value = pos.coords.longitude.toFixed(6);
      // The map's point picker, where the page has one, follows the new point.
      document.getElementById("id_lat").dispatchEvent(new Event("change"));
      status.textContent = "Titik GPS tersimpan (±" + Math.round(pos.coords.accuracy) + " m).";
    }, function () {
      status.textContent = "Lokasi tidak didapat; izinkan akses lokasi atau lewati.";
    }, {enableHighAccuracy: true, timeout: 15000});
  });
})();
