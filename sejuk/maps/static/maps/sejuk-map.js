// What the map page, the small maps and the point picker share: a Leaflet map without a
// base map (the region boundaries are the map), requests to Sejuk's own API, the region
// and point layers, the legend and the region card. Text from the server is always set
// as text, never as HTML.
window.SejukMap = (function () {
  "use strict";

  function newMap(element, options) {
    var map = L.map(element, Object.assign({
      zoomSnap: 0.25,
      minZoom: 3,
      maxZoom: 17,
      attributionControl: true,
      preferCanvas: false,
    }, options || {}));
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Batas: cahyadsn/wilayah_boundaries (MIT)");
    return map;
  }

  function get(url, params) {
    var query = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      if (params[key] !== "" && params[key] !== undefined && params[key] !== null) {
        query.set(key, params[key]);
      }
    });
    var text = query.toString();
    return fetch(url + (text ? "?" + text : ""), {
      credentials: "same-origin",
      headers: {Accept: "application/json"},
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw body;
        return body;
      }, function () {
        throw {error: {message: "Jawaban server tidak terbaca (" + response.status + ")."}};
      });
    });
  }

  function message(problem) {
    if (problem && problem.error && problem.error.message) return problem.error.message;
    return "Peta tidak dapat dimuat: periksa sambungan lalu muat ulang halaman.";
  }

  function debounce(fn, wait) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, wait);
    };
  }

  function intersects(box, bounds) {
    return !(box[2] < bounds.getWest() || box[0] > bounds.getEast() ||
             box[3] < bounds.getSouth() || box[1] > bounds.getNorth());
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var NONE = "#f2f2f2";

  // Regions: polygons (or a dot where only the centre is known), coloured by `valueOf`.
  function regionLayer(map, valueOf, onSelect) {
    var marked = null;
    function style(feature) {
      var reading = valueOf ? valueOf(feature.id) : null;
      var fill = reading ? reading.colour : NONE;
      var isMarked = feature.id === marked;
      return {
        className: "region",
        color: isMarked ? "#111" : "#3d5a66",
        weight: isMarked ? 3 : 1,
        fillColor: fill,
        fillOpacity: 0.75,
      };
    }
    var layer = L.geoJSON(null, {
      style: style,
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, {radius: 9});
      },
      onEachFeature: function (feature, shape) {
        shape.bindTooltip(function () {
          var box = el("div", "map-tip");
          box.appendChild(el("strong", "", feature.properties.n));
          var reading = valueOf ? valueOf(feature.id) : null;
          if (reading) box.appendChild(el("div", "", reading.text));
          return box;
        }, {sticky: true});
        if (onSelect) shape.on("click", function () { onSelect(feature); });
      },
    }).addTo(map);
    return {
      layer: layer,
      show: function (features) {
        layer.clearLayers();
        features.forEach(function (f) { layer.addData(f); });
      },
      restyle: function () { layer.setStyle(style); },
      mark: function (code) {
        marked = code;
        layer.setStyle(style);
      },
    };
  }

  var KIND = {activity: "Kegiatan", report: "Laporan", incident: "Kejadian"};

  function pointCard(p) {
    var box = el("div", "point-card");
    box.appendChild(el("strong", "", p.title));
    box.appendChild(el("div", "muted", KIND[p.kind] + " · " + p.date_text + " · " + p.place +
      (p.exact ? "" : " (titik tengah desa)")));
    if (p.url) {
      var link = el("a", "", "Buka");
      link.href = p.url;
      box.appendChild(link);
    }
    return box;
  }

  function pointLayer(map) {
    var group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      spiderfyOnMaxZoom: true,
    }).addTo(map);
    return {
      show: function (items) {
        group.clearLayers();
        group.addLayers(items.map(function (p) {
          var marker = L.marker([p.lat, p.lng], {
            icon: L.divIcon({className: "pt pt-" + p.kind, iconSize: [22, 22]}),
            keyboard: true,
            title: p.title,
          });
          marker.bindPopup(function () { return pointCard(p); });
          return marker;
        }));
      },
    };
  }

  // The legend, folded on a phone.
  function legend(map) {
    var Control = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var box = el("details", "map-legend");
        box.open = window.innerWidth >= 720;
        box.appendChild(el("summary", "", "Keterangan"));
        this.body = el("div", "map-legend-body");
        box.appendChild(this.body);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      },
    });
    var control = new Control();
    control.addTo(map);
    return {
      show: function (bands, explain, kinds) {
        var body = control.body;
        body.textContent = "";
        var list = el("ul");
        bands.forEach(function (b) {
          var item = el("li");
          var chip = el("span", "chip");
          chip.style.background = b.colour;
          item.appendChild(chip);
          item.appendChild(document.createTextNode(" " + b.label));
          list.appendChild(item);
        });
        body.appendChild(list);
        if (explain) body.appendChild(el("p", "muted", explain));
        if (kinds) {
          var marks = el("ul", "kinds");
          kinds.split(",").filter(Boolean).forEach(function (kind) {
            var item = el("li");
            item.appendChild(el("span", "pt pt-" + kind));
            item.appendChild(document.createTextNode(" " + KIND[kind]));
            marks.appendChild(item);
          });
          body.appendChild(marks);
        }
      },
    };
  }

  // The card of a clicked region.
  function card(box, c, onClose) {
    box.textContent = "";
    var head = el("div", "map-card-head");
    head.appendChild(el("h2", "", c.name));
    var shut = el("button", "close", "Tutup");
    shut.type = "button";
    shut.addEventListener("click", onClose);
    head.appendChild(shut);
    box.appendChild(head);
    box.appendChild(el("p", "muted", c.path));
    var facts = el("ul", "map-facts");
    c.readings.forEach(function (r) {
      var item = el("li");
      var chip = el("span", "chip");
      chip.style.background = r.colour;
      item.appendChild(chip);
      item.appendChild(el("span", "", " " + r.label + ": " + r.text));
      facts.appendChild(item);
    });
    facts.appendChild(el("li", "", "Kunjungan terakhir: " + c.last_visit_text));
    box.appendChild(facts);
    var links = el("p", "actions");
    c.links.forEach(function (link) {
      var a = el("a", "button", link.label);
      a.href = link.url;
      links.appendChild(a);
    });
    box.appendChild(links);
    box.hidden = false;
  }

  return {
    newMap: newMap,
    get: get,
    message: message,
    debounce: debounce,
    intersects: intersects,
    regionLayer: regionLayer,
    pointLayer: pointLayer,
    legend: legend,
    card: card,
    el: el,
  };
})();
