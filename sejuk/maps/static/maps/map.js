// The map page: regions of the viewer's area coloured by a measure, points of activities,
// citizen reports and incidents, a card for a clicked region. Everything it draws comes
// from Sejuk's own map API (/api/map/); nothing is fetched from another origin.
//
// Which level to draw: starting from the area's own regions, go down a level while the
// regions of the next level in view stay few enough to read (each region carries how
// many regions lie below it at each level, "k"), so a Mabes user sees provinces, a Polda
// kabupaten or kecamatan, a Polres its desa, and zooming in goes down.
(function () {
  "use strict";
  var root = document.getElementById("map");
  if (!root || !window.L) return;
  var SM = window.SejukMap;
  var api = root.dataset.api;
  var form = document.getElementById("map-controls");
  var status = document.getElementById("map-status");
  var cardBox = document.getElementById("map-card");
  var missingBox = document.getElementById("map-missing");
  var HARD = 3000; // the most regions one layer answer holds (services.MAX_FEATURES)

  var map = SM.newMap(root);
  var state = {
    roots: [],
    wholeCountry: false,
    features: {}, // code -> feature
    loaded: {}, // "level|code" -> true: the regions of that level inside code are here
    within: {}, // level -> the codes its regions were loaded inside (for their colours)
    missing: {}, // code -> name: regions of the drawn level the map cannot draw
    level: 0,
    drawnWithin: [], // the codes whose regions of `level` are drawn
    values: {},
    bands: [],
    explain: "",
    selected: null,
    pointsKey: "",
    coloursKey: "",
    generation: 0,
  };
  var regions = SM.regionLayer(map, function (code) {
    var reading = state.values[code];
    if (!reading) return null;
    var band = state.bands.filter(function (b) { return b.key === reading.band; })[0];
    return {colour: band ? band.colour : null, text: reading.text};
  }, select);
  var points = SM.pointLayer(map);
  var legend = SM.legend(map);

  function settings() {
    var data = new FormData(form);
    return {
      measure: data.get("measure") || "",
      level: parseInt(data.get("level") || "0", 10),
      date: data.get("date") || "",
      days: data.get("days") || "30",
      kinds: data.getAll("kinds").join(","),
      type: data.get("type") || "",
    };
  }

  function say(text) {
    status.textContent = text || "";
  }

  // -- which level, and loading it ------------------------------------------------------

  function level(f) {
    return f.properties.l;
  }

  function inView(f) {
    return SM.intersects(f.properties.b, map.getBounds());
  }

  function countAt(target, feats) {
    var n = 0;
    feats.forEach(function (f) {
      var l = level(f);
      if (l === target) n += 1;
      else if (l < target) n += f.properties.k[target - l - 1] || 0;
    });
    return n;
  }

  function readable() {
    // About one region per 40 x 40 pixels of map: 120 on a phone, more on a desktop.
    var size = map.getSize();
    return Math.max(120, Math.min(600, Math.round((size.x * size.y) / 1600)));
  }

  function inside(code, other) {
    return code === other || code.indexOf(other + ".") === 0;
  }

  function ensure(target, feats) {
    var wanted = feats
      .filter(function (f) { return level(f) < target && !state.loaded[target + "|" + f.id]; })
      .map(function (f) { return f.id; });
    if (!wanted.length) return Promise.resolve();
    var asks = [];
    for (var i = 0; i < wanted.length; i += 100) {
      asks.push(wanted.slice(i, i + 100));
    }
    return Promise.all(asks.map(function (codes) {
      return SM.get(api + "layer", {level: target, within: codes.join(",")}).then(function (answer) {
        answer.features.forEach(function (f) { state.features[f.id] = f; });
        answer.missing.forEach(function (m) { state.missing[m.code] = m.name; });
        codes.forEach(function (code) { state.loaded[target + "|" + code] = true; });
        state.within[target] = (state.within[target] || []).concat(codes);
      });
    }));
  }

  function below(target, feats) {
    // The loaded regions of `target` inside the given regions, in view.
    var out = [];
    Object.keys(state.features).forEach(function (code) {
      var f = state.features[code];
      if (level(f) !== target || !inView(f)) return;
      if (feats.some(function (p) { return inside(code, p.id); })) out.push(f);
    });
    return out;
  }

  function walk() {
    var wanted = settings().level;
    var base = state.roots.filter(inView);
    if (!base.length) base = state.roots.slice();
    var note = "";
    function step() {
      var current = Math.max.apply(null, base.map(level).concat([1]));
      var target = current;
      var cap = wanted ? HARD : readable();
      for (var t = current + 1; t <= 4; t++) {
        if (wanted && t > wanted) break;
        if (countAt(t, base) <= cap) target = t;
        else break;
      }
      if (wanted && target < wanted && wanted > current) {
        note = "Terlalu banyak wilayah untuk tingkat itu: perbesar peta.";
      }
      var coarse = base.some(function (f) { return level(f) < target; });
      if (!coarse) return Promise.resolve({level: target, base: base});
      return ensure(target, base).then(function () {
        var next = below(target, base).concat(base.filter(function (f) { return level(f) === target; }));
        if (!next.length) return {level: target, base: next};
        base = next;
        return step();
      });
    }
    return step().then(function (result) {
      say(note);
      return result;
    });
  }

  // -- drawing ----------------------------------------------------------------------------

  function draw(result) {
    var lv = result.level;
    state.level = lv;
    var shown = Object.keys(state.features)
      .map(function (code) { return state.features[code]; })
      .filter(function (f) { return level(f) === lv; });
    regions.show(shown);
    root.dataset.level = String(lv);
    // Colours are asked for inside the same regions the shapes were loaded inside (one
    // kabupaten rather than its ten kecamatan), and the area's own regions of this level.
    var within = (state.within[lv] || []).concat(
      state.roots.filter(function (f) { return level(f) === lv; }).map(function (f) { return f.id; }));
    state.drawnWithin = lv === 1 && state.wholeCountry ? [] : within;
    showMissing(lv);
    return colour();
  }

  function showMissing(lv) {
    var names = Object.keys(state.missing)
      .filter(function (code) { return code.split(".").length === lv; })
      .map(function (code) { return state.missing[code]; });
    missingBox.hidden = !names.length;
    if (!names.length) return;
    missingBox.querySelector("summary").textContent =
      names.length + " wilayah tanpa batas atau titik di peta (muat batas desa: sejuk regions load-boundaries)";
    var list = missingBox.querySelector("ul");
    list.textContent = "";
    names.sort().forEach(function (name) {
      var item = document.createElement("li");
      item.textContent = name;
      list.appendChild(item);
    });
  }

  function colour() {
    var s = settings();
    if (!s.measure) {
      state.values = {};
      regions.restyle();
      return Promise.resolve();
    }
    var within = state.drawnWithin;
    var key = [s.measure, state.level, s.date, s.days, within.join(",")].join("|");
    if (key === state.coloursKey) {
      legend.show(state.bands, state.explain, s.kinds);
      return Promise.resolve();
    }
    var asks = [];
    if (!within.length) asks.push([]);
    for (var i = 0; i < within.length; i += 100) asks.push(within.slice(i, i + 100));
    var values = {};
    return Promise.all(asks.map(function (codes) {
      return SM.get(api + "colours", {
        measure: s.measure, level: state.level, within: codes.join(","), date: s.date, days: s.days,
      }).then(function (answer) {
        Object.assign(values, answer.values);
        state.bands = answer.bands;
        state.explain = answer.explain;
      });
    })).then(function () {
      state.coloursKey = key;
      state.values = values;
      regions.restyle();
      legend.show(state.bands, state.explain, settings().kinds);
      root.dataset.measure = s.measure;
    });
  }

  function loadPoints() {
    var s = settings();
    var within = state.roots.filter(inView).map(function (f) { return f.id; });
    if (state.wholeCountry && within.length === state.roots.length) within = [];
    var key = [within.join(","), s.kinds, s.date, s.days, s.type].join("|");
    if (key === state.pointsKey) return Promise.resolve();
    state.pointsKey = key;
    if (!s.kinds) {
      points.show([]);
      return Promise.resolve();
    }
    return SM.get(api + "points", {
      within: within.join(","), kinds: s.kinds, date: s.date, days: s.days, type: s.type,
    }).then(function (answer) {
      points.show(answer.items);
      if (answer.truncated) say("Titik terlalu banyak: yang terbaru saja ditampilkan. Perpendek periodenya.");
    });
  }

  function refresh() {
    var generation = ++state.generation;
    root.dataset.ready = "";
    return walk().then(function (result) {
      if (generation !== state.generation) return null;
      return Promise.all([draw(result), loadPoints()]);
    }).then(function () {
      if (generation === state.generation) root.dataset.ready = "1";
    }).catch(function (problem) {
      say(SM.message(problem));
      root.dataset.ready = "1";
    });
  }

  // -- the card of a clicked region -------------------------------------------------------

  function select(feature) {
    var s = settings();
    state.selected = feature.id;
    regions.mark(feature.id);
    SM.get(api + "regions/" + encodeURIComponent(feature.id), {date: s.date, days: s.days})
      .then(function (c) { SM.card(cardBox, c, close); })
      .catch(function (problem) { say(SM.message(problem)); });
  }

  function close() {
    state.selected = null;
    regions.mark(null);
    cardBox.hidden = true;
  }

  // -- start ------------------------------------------------------------------------------

  SM.get(api + "frame", {}).then(function (frame) {
    state.roots = frame.features;
    state.wholeCountry = frame.whole_country;
    frame.features.forEach(function (f) {
      state.features[f.id] = f;
      state.loaded[level(f) + "|" + f.id] = true;
    });
    frame.missing.forEach(function (m) { state.missing[m.code] = m.name; });
    if (frame.bbox) {
      map.fitBounds([[frame.bbox[1], frame.bbox[0]], [frame.bbox[3], frame.bbox[2]]]);
    } else {
      map.fitBounds([[-11, 95], [6, 141]]);
      say("Wilayah Anda belum punya batas di peta.");
    }
    map.on("moveend", SM.debounce(refresh, 200));
    form.addEventListener("change", function (event) {
      if (event.target.name === "measure") {
        colour().then(function () { if (state.selected) select(state.features[state.selected]); });
      } else {
        state.pointsKey = "";
        refresh();
      }
    });
    return refresh();
  }).catch(function (problem) {
    say(SM.message(problem));
    root.dataset.ready = "1";
  });
})();
