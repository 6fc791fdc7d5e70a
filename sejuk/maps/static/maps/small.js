// Small maps on a record's page, and the tap-to-place point picker on the forms.
(function () {
  "use strict";
  if (!window.L || !window.SejukMap) return;
  var SM = window.SejukMap;

  function levelOf(code) {
    return code ? code.split(".").length : 0;
  }

  function outline(map, geometry) {
    var layer = L.geoJSON(geometry, {
      style: {color: "#1f3746", weight: 2, fillColor: "#7fb3c8", fillOpacity: 0.25},
      interactive: false,
    }).addTo(map);
    return layer;
  }

  // -- a record's small map ---------------------------------------------------------------

  document.querySelectorAll(".small-map[data-code]").forEach(function (box) {
    var map = SM.newMap(box, {scrollWheelZoom: false});
    var code = box.dataset.code;
    var point = box.dataset.lat ? [parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)] : null;
    SM.get(box.dataset.api + "layer", {level: levelOf(code), within: code}).then(function (answer) {
      var f = answer.features[0];
      var area = f && f.geometry.type !== "Point";
      var centre = f ? [(f.properties.b[1] + f.properties.b[3]) / 2, (f.properties.b[0] + f.properties.b[2]) / 2] : null;
      var where = point || centre;
      if (!where) {
        box.hidden = true;
        return;
      }
      // A view first: Leaflet draws a layer only on a map that has one.
      if (area) map.fitBounds([[f.properties.b[1], f.properties.b[0]], [f.properties.b[3], f.properties.b[2]]], {maxZoom: 15});
      else map.setView(where, 14);
      if (area) outline(map, f.geometry);
      L.circleMarker(where, {radius: 8, color: "#fff", weight: 2, fillColor: point ? "#1f6fb2" : "#777", fillOpacity: 1})
        .bindTooltip(point ? "Titik GPS" : "Titik tengah wilayah").addTo(map);
    }).catch(function () { box.hidden = true; });
  });

  // -- the point picker -------------------------------------------------------------------

  document.querySelectorAll(".picker").forEach(function (picker) {
    var api = picker.dataset.api;
    var lat = document.getElementById(picker.dataset.lat);
    var lng = document.getElementById(picker.dataset.lng);
    var place = document.getElementById(picker.dataset.place);
    var codeName = picker.dataset.codeName;
    var status = picker.querySelector(".picker-status");
    var box = picker.querySelector(".small-map");
    if (!lat || !lng) return;
    var map = SM.newMap(box, {scrollWheelZoom: false});
    var marker = null;
    var found = null;

    function current() {
      var a = parseFloat(lat.value), b = parseFloat(lng.value);
      return isNaN(a) || isNaN(b) ? null : [a, b];
    }

    function codeInput() {
      if (!codeName || !place) return null;
      var input = place.form.querySelector("input[name='" + codeName + "']");
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = codeName;
        place.insertAdjacentElement("afterend", input);
      }
      return input;
    }

    function show(at, zoom) {
      if (marker) marker.setLatLng(at);
      else marker = L.circleMarker(at, {radius: 9, color: "#fff", weight: 2, fillColor: "#1f6fb2", fillOpacity: 1}).addTo(map);
      if (zoom) map.setView(at, Math.max(map.getZoom() || 0, 14));
    }

    function lookUp(at) {
      status.textContent = "Mencari desa di titik ini…";
      SM.get(api + "locate", {lat: at[0].toFixed(6), lng: at[1].toFixed(6)}).then(function (answer) {
        if (found) { map.removeLayer(found); found = null; }
        if (!answer.found) {
          status.textContent = "Titik tersimpan; desanya belum dikenali (batas desa di sini belum dimuat): isi desa/kelurahan sendiri.";
          return;
        }
        if (answer.geometry) found = outline(map, answer.geometry);
        var input = codeInput();
        if (place) place.value = input ? answer.name : answer.code;
        if (input) input.value = answer.code;
        status.textContent = "Titik di " + answer.name + (answer.level < 4 ? " (batas desa di sini belum dimuat: tulis desanya bila tahu)." : ".");
        place && place.dispatchEvent(new Event("change", {bubbles: true}));
      }).catch(function (problem) { status.textContent = SM.message(problem); });
    }

    function put(at) {
      lat.value = at[0].toFixed(6);
      lng.value = at[1].toFixed(6);
      show(at, false);
      lookUp(at);
    }

    map.on("click", function (event) { put([event.latlng.lat, event.latlng.lng]); });

    function open() {
      picker.hidden = false;
      map.invalidateSize();
      var at = current();
      if (at) {
        show(at, true);
        lookUp(at);
      }
    }

    // A point from the phone's GPS (the form's own button) moves the picker too.
    [lat, lng].forEach(function (input) {
      input.addEventListener("change", function () { if (current()) open(); });
    });

    var fold = picker.closest("details");
    if (fold) fold.addEventListener("toggle", function () { if (fold.open) { map.invalidateSize(); start(); } });

    var started = false;
    function start() {
      if (started || (fold && !fold.open) || picker.hidden) return;
      started = true;
      var at = current();
      if (at) {
        show(at, true);
        return;
      }
      // The viewer's own area as the background to tap on.
      SM.get(api + "frame", {}).then(function (frame) {
        if (frame.bbox) map.fitBounds([[frame.bbox[1], frame.bbox[0]], [frame.bbox[3], frame.bbox[2]]]);
        else map.fitBounds([[-11, 95], [6, 141]]);
        L.geoJSON({type: "FeatureCollection", features: frame.features}, {
          style: {color: "#3d5a66", weight: 1, fillColor: "#f2f2f2", fillOpacity: 0.6},
          interactive: false,
        }).addTo(map);
      }).catch(function () { map.fitBounds([[-11, 95], [6, 141]]); });
    }

    if (picker.dataset.public) {
      if (current()) open();
    } else {
      start();
    }
  });
})();
