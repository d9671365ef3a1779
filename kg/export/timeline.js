/* conflict-kg timeline page: draws the embedded events with vis-network and wires the controls.
   Article text is untrusted: it reaches the page only through textContent, canvas text and
   attribute setters, never as HTML; only http(s) URLs become links. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var DAY_MS = 86400000;
  var ORDINAL_EPOCH = 719163; // Python's date(1970, 1, 1).toordinal(): 2-day ticks as in the SVG
  var TICK_PX = 110; // room one tick label needs, as in kg/export/timeline.py
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var UNITS = [
    ["hour", 1, 1 / 24], ["hour", 3, 3 / 24], ["hour", 6, 6 / 24], ["hour", 12, 12 / 24],
    ["day", 1, 1], ["day", 2, 2], ["week", 1, 7], ["month", 1, 30.44], ["month", 3, 91.3],
    ["month", 6, 182.6], ["year", 1, 365.25], ["year", 2, 730.5], ["year", 5, 1826.2],
    ["year", 10, 3652.5], ["year", 25, 9131], ["year", 50, 18262], ["year", 100, 36525]
  ];

  // What tests and curious users can ask the page; it holds no article text of its own.
  var api = { ready: false, firstDrawMs: null, mode: null, selected: null, network: null };
  window.kgTimeline = api;

  function $(id) { return document.getElementById(id); }
  function make(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }
  function safeUrl(u) {
    if (typeof u !== "string") return null;
    try {
      var p = new URL(u);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (err) {
      return null;
    }
  }

  var events = new Map();
  DATA.events.forEach(function (e) {
    var code = DATA.codes[e.cameo] || {};
    ["name", "root", "root_name", "plover", "plover_mode", "quad", "quad_name", "goldstein"]
      .forEach(function (k) { e[k] = code[k] === undefined ? null : code[k]; });
    var parts = [e.id, e.label, e.cameo, e.name, e.root_name, e.plover || "", e.when, e.modality];
    e.sources.concat(e.targets).forEach(function (a) { parts.push(a.name); });
    parts = parts.concat(e.places, e.claimed_by);
    e.evidence.forEach(function (v) { parts.push(v.sentence, v.title || "", v.article); });
    e.search = parts.join("\n").toLowerCase();
    events.set(e.id, e);
  });

  // ---- which events pass the filters ------------------------------------------------------
  var state = { actor: "", root: "", from: "", to: "", undated: true, terms: [] };
  var visible = new Set();

  function computeVisible() {
    visible = new Set();
    DATA.events.forEach(function (e) {
      if (state.actor && e.keys.indexOf(state.actor) < 0) return;
      if (state.root && e.root !== state.root) return;
      if (e.start === null) {
        if (!state.undated) return;
      } else {
        if (state.from && e.end < state.from) return;
        if (state.to && e.start > state.to) return;
      }
      for (var i = 0; i < state.terms.length; i++) {
        if (e.search.indexOf(state.terms[i]) < 0) return;
      }
      visible.add(e.id);
    });
  }

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.eid); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return visible.has(e.eid) && (e.eid2 === undefined || visible.has(e.eid2));
    }
  });
  // Lines to other actors' lanes only once lanes are tall enough on screen to tell apart.
  var ROLE_MIN_SCALE = 0.25;

  // ---- lanes (one set per grouping) -------------------------------------------------------
  var mode = null, lanes = [], band = null, modeHeight = 0, bars = [], crosses = [], ghosts = [];

  function loadMode(m) {
    var md = DATA.modes[m] || DATA.modes.actor;
    mode = DATA.modes[m] ? m : "actor";
    api.mode = mode;
    lanes = md.lanes;
    band = md.band;
    modeHeight = md.height;
    nodes.clear();
    edges.clear();
    nodes.add(md.nodes);
    edges.add(md.edges);
    $("f-mode").value = mode;
  }

  // What the page draws itself, for the events that pass the filters: duration bars, crosses
  // on negated events, and where an event meets the lanes of its other actors.
  function refreshDrawLists() {
    var md = DATA.modes[mode], at = new Map();
    bars = [];
    crosses = [];
    ghosts = [];
    md.nodes.forEach(function (n) {
      if (n.kind !== "event" || !visible.has(n.eid)) return;
      at.set(n.eid, n);
      if (n.x2 !== undefined) bars.push(n);
      if (n.negated) crosses.push(n);
    });
    md.ghosts.forEach(function (g) {
      var n = at.get(g[0]);
      if (n) ghosts.push({ x: n.x, y: n.y, gx: g[1], gy: g[2], target: g[3] === "t",
                           colour: DATA.colours[g[4]] || DATA.colours["0"] });
    });
  }

  function drawGhosts(ctx, r) {
    var px = 1 / r.scale, lines = r.scale >= ROLE_MIN_SCALE;
    var seen = function (g) {
      return Math.max(g.x, g.gx) >= r.x0 && Math.min(g.x, g.gx) <= r.x1 &&
        Math.max(g.y, g.gy) >= r.y0 && Math.min(g.y, g.gy) <= r.y1;
    };
    if (lines) {
      ctx.strokeStyle = "#8a94a0";
      ctx.lineWidth = Math.max(1, px);
      [false, true].forEach(function (target) {
        ctx.setLineDash(target ? [4, 3] : []);
        ctx.beginPath();
        ghosts.forEach(function (g) {
          if (g.target !== target || !seen(g)) return;
          ctx.moveTo(g.x, g.y);
          ctx.lineTo(g.gx, g.gy);
        });
        ctx.stroke();
      });
      ctx.setLineDash([]);
    }
    var rad = Math.max(4, 1.5 * px);
    ghosts.forEach(function (g) {
      if (g.gx < r.x0 || g.gx > r.x1 || g.gy < r.y0 || g.gy > r.y1) return;
      ctx.fillStyle = g.colour;
      ctx.beginPath();
      ctx.arc(g.gx, g.gy, rad, 0, 2 * Math.PI);
      ctx.fill();
    });
  }

  // ---- time axis --------------------------------------------------------------------------
  var D0 = null;
  if (DATA.axis.d0) {
    var d = DATA.axis.d0.split("-");
    D0 = Date.UTC(+d[0], +d[1] - 1, +d[2]);
  }
  var PPD = DATA.axis.ppd;

  function tickLabel(unit, t) {
    var dt = new Date(t), day = dt.getUTCDate(), mon = MONTHS[dt.getUTCMonth()];
    var year = dt.getUTCFullYear();
    if (unit === "hour") return day + " " + mon + " " + ("0" + dt.getUTCHours()).slice(-2) + ":00";
    if (unit === "day" || unit === "week") return day + " " + mon + " " + year;
    if (unit === "month") return mon + " " + year;
    return String(year);
  }

  // Ticks between day offsets lo and hi (from D0), at most about maxTicks of them.
  function ticks(lo, hi, maxTicks) {
    var span = Math.max(hi - lo, 1e-9), u = UNITS[UNITS.length - 1], i;
    for (i = 0; i < UNITS.length; i++) {
      if (span / UNITS[i][2] <= Math.max(maxTicks, 2)) { u = UNITS[i]; break; }
    }
    var unit = u[0], n = u[1], out = [], t, guard = 0;
    var startMs = D0 + lo * DAY_MS, endMs = D0 + hi * DAY_MS;
    function push(ms) {
      if (ms >= startMs) out.push({ x: (ms - D0) / DAY_MS * PPD, label: tickLabel(unit, ms) });
    }
    if (unit === "hour") {
      var stepMs = n * 3600000;
      for (t = Math.floor(startMs / stepMs) * stepMs; t <= endMs && guard++ < 1000; t += stepMs) push(t);
    } else if (unit === "day" || unit === "week") {
      var day = Math.floor(startMs / DAY_MS);
      if (unit === "week") day -= (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
      else day -= (((day + ORDINAL_EPOCH) % n) + n) % n;
      var step = unit === "week" ? 7 : n;
      for (t = day * DAY_MS; t <= endMs && guard++ < 1000; t += step * DAY_MS) push(t);
    } else {
      var months = unit === "year" ? 12 * n : n, sd = new Date(startMs);
      var idx = sd.getUTCFullYear() * 12 + sd.getUTCMonth();
      idx -= ((idx % months) + months) % months;
      for (; guard++ < 1000; idx += months) {
        t = Date.UTC(Math.floor(idx / 12), idx % 12, 1);
        if (t > endMs) break;
        push(t);
      }
    }
    return { unit: n === 1 ? unit : n + unit, ticks: out };
  }

  // ---- drawing ----------------------------------------------------------------------------
  var container = $("network"), tooltip = $("tooltip"), details = $("details");
  var network = null, lastTicks = { unit: null, ticks: [] };

  function viewRect() {
    var w = container.clientWidth, h = container.clientHeight;
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: w, y: h });
    return { x0: a.x, y0: a.y, x1: b.x, y1: b.y, w: w, h: h, scale: network.getScale() };
  }

  function drawBefore(ctx) {
    var r = viewRect(), px = 1 / r.scale, i, ln;
    for (i = 0; i < lanes.length; i++) {
      ln = lanes[i];
      if (ln.top > r.y1 || ln.top + ln.height < r.y0) continue;
      ctx.fillStyle = i % 2 ? "#f4f6f8" : "#ffffff";
      ctx.fillRect(r.x0, ln.top, r.x1 - r.x0, ln.height);
    }
    if (band) {
      ctx.fillStyle = "rgba(226, 214, 196, 0.45)";
      ctx.fillRect(band[0], r.y0, band[1] - band[0], r.y1 - r.y0);
    }
    lastTicks = { unit: null, ticks: [] };
    if (D0 !== null) {
      var lo = Math.max(r.x0, 0) / PPD, hi = Math.min(r.x1, DATA.axis.x_end) / PPD;
      if (hi > lo) lastTicks = ticks(lo, hi, Math.floor((hi - lo) * PPD * r.scale / TICK_PX));
      ctx.strokeStyle = "#dde1e6";
      ctx.lineWidth = px;
      ctx.beginPath();
      lastTicks.ticks.forEach(function (t) { ctx.moveTo(t.x, r.y0); ctx.lineTo(t.x, r.y1); });
      ctx.stroke();
    }
    drawGhosts(ctx, r);
    ctx.globalAlpha = 0.3;
    bars.forEach(function (n) {
      if (n.x2 < r.x0 || n.x > r.x1 || n.y < r.y0 - 10 || n.y > r.y1 + 10) return;
      ctx.fillStyle = n.fill;
      ctx.fillRect(n.x, n.y - 4, n.x2 - n.x, 8);
    });
    ctx.globalAlpha = 1;
  }

  function drawAfter(ctx) {
    var r = viewRect(), px = 1 / r.scale;
    ctx.lineWidth = 2;
    crosses.forEach(function (n) {
      var k = n.size * 0.7;
      ctx.strokeStyle = n.border;
      ctx.beginPath();
      ctx.moveTo(n.x - k, n.y - k); ctx.lineTo(n.x + k, n.y + k);
      ctx.moveTo(n.x - k, n.y + k); ctx.lineTo(n.x + k, n.y - k);
      ctx.stroke();
    });
    // date labels stay on top and lane names on the left whatever the pan and zoom
    ctx.textBaseline = "middle";
    ctx.fillStyle = "rgba(255, 255, 255, 0.92)";
    ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, 22 * px);
    ctx.font = 12 * px + "px system-ui, sans-serif";
    ctx.fillStyle = "#3c4656";
    var labelEnd = band ? band[0] : Infinity;
    lastTicks.ticks.forEach(function (t) {
      if (t.x + ctx.measureText(t.label).width + 8 * px < labelEnd) {
        ctx.fillText(t.label, t.x + 4 * px, r.y0 + 11 * px);
      }
    });
    if (band && band[1] > r.x0 && band[0] < r.x1) {
      ctx.font = "italic " + 12 * px + "px system-ui, sans-serif";
      ctx.fillText("undated", Math.max(band[0], r.x0) + 6 * px, r.y0 + 11 * px);
    }
    ctx.textBaseline = "top";
    lanes.forEach(function (ln) {
      // the font shrinks with the lane on screen, down to where it is still readable
      var lanePx = ln.height * r.scale, size = Math.min(12, lanePx * 0.8), y;
      if (size < 7) return;
      if (lanePx < 40) {
        y = ln.top + (ln.height - size * px) / 2;
      } else {
        y = Math.max(ln.top + 3 * px, r.y0 + 24 * px);
        if (y > ln.top + ln.height - (size + 3) * px) return;
      }
      if (y < r.y0 + 22 * px || y > r.y1) return;
      var label = ln.label.length > 32 ? ln.label.slice(0, 31) + "\u2026" : ln.label;
      ctx.font = size * px + "px system-ui, sans-serif";
      var w = ctx.measureText(label).width;
      ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
      ctx.fillRect(r.x0 + 2 * px, y - 1 * px, w + 8 * px, (size + 3) * px);
      ctx.fillStyle = "#1d2430";
      ctx.fillText(label, r.x0 + 6 * px, y);
    });
    if (!api.ready) {
      api.ready = true;
      api.firstDrawMs = performance.now();
    }
  }

  function fitAll() {
    var w = Math.max(container.clientWidth, 300), h = Math.max(container.clientHeight, 200);
    var x0 = D0 !== null ? 0 : band ? band[0] : 0;
    var x1 = Math.max(DATA.axis.x_end, band ? band[1] : 0, x0 + 1);
    var scale = Math.min((w - 220) / (x1 - x0 + 40), (h - 50) / Math.max(modeHeight, 1));
    scale = Math.min(Math.max(scale, 0.005), 1.5);
    network.moveTo({
      position: { x: x0 - 20 + (w / 2 - 190) / scale, y: (h / 2 - 32) / scale },
      scale: scale, animation: false
    });
  }

  // ---- the panel --------------------------------------------------------------------------
  function names(list) { return list.map(function (a) { return a.name; }).join(", "); }

  function showEvent(eid, focus) {
    var e = events.get(eid);
    if (!e) return;
    api.selected = eid;
    details.replaceChildren();
    details.appendChild(make("h2", e.label));
    var dl = make("dl", null, "facts");
    function fact(k, v) {
      if (v === null || v === undefined || v === "") return;
      dl.appendChild(make("dt", k));
      dl.appendChild(make("dd", v));
    }
    fact("When", e.when);
    fact("Precision", e.precision + (e.basis ? ", date " + e.basis : ""));
    if (e.time_text) fact("As written", "\u201c" + e.time_text + "\u201d");
    fact("CAMEO", e.cameo + (e.name ? " " + e.name : "") +
      (e.root && e.name !== e.root_name ? " (root " + e.root + " " + e.root_name + ")" : ""));
    fact("PLOVER", e.plover ? e.plover + (e.plover_mode ? ":" + e.plover_mode : "") : "none");
    fact("QuadClass", e.quad + " " + e.quad_name +
      (e.goldstein !== null ? ", Goldstein " + e.goldstein : ""));
    fact("Modality", e.modality);
    if (e.confidence !== null) {
      var sure = e.field_confidence.map(function (f) { return f[0] + " " + f[1].toFixed(2); });
      fact("Confidence", e.confidence.toFixed(2) + (sure.length ? " (" + sure.join(", ") + ")" : ""));
    }
    if (e.claimed_by.length) fact("Claimed by", e.claimed_by.join(", "));
    fact("Source actors", names(e.sources));
    fact("Target actors", names(e.targets));
    fact("Places", e.places.join(", "));
    fact("Reported by", e.n_sources + (e.n_sources === 1 ? " article" : " articles"));
    details.appendChild(dl);
    if (e.links.length) {
      details.appendChild(make("h3", "Linked events"));
      var ul = make("ul", null, "links");
      e.links.forEach(function (l) {
        var li = make("li");
        var b = make("button", l.dir === "out" ? l.rel + " \u2192 " + l.label
          : l.label + " \u2192 " + l.rel + " this", "linkbtn");
        b.type = "button";
        b.addEventListener("click", function () { showEvent(l.to, true); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    details.appendChild(make("h3", "Evidence (" + e.evidence.length + ")"));
    var ol = make("ol", null, "evidence");
    e.evidence.forEach(function (v) {
      var li = make("li");
      li.appendChild(make("blockquote", v.sentence));
      var src = make("div", null, "source");
      var name = v.title || v.article, url = safeUrl(v.url);
      if (url) {
        var a = make("a", name);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        src.appendChild(a);
      } else {
        src.appendChild(document.createTextNode(name));
      }
      if (v.published) src.appendChild(document.createTextNode(" \u00b7 " + v.published));
      var rawUrl = v.url_text || (url ? null : v.url);
      if (rawUrl) src.appendChild(document.createTextNode(" \u00b7 " + rawUrl));
      li.appendChild(src);
      ol.appendChild(li);
    });
    details.appendChild(ol);
    var id = "e:" + eid;
    if (network && nodeView.get(id)) {
      network.selectNodes([id]);
      if (focus) network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: false });
    }
  }

  // ---- legend -----------------------------------------------------------------------------
  var SVGNS = "http://www.w3.org/2000/svg";
  function swatch(shapes) {
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", "30");
    s.setAttribute("height", "18");
    s.setAttribute("viewBox", "0 0 30 18");
    shapes.forEach(function (sh) {
      var n = document.createElementNS(SVGNS, sh[0]);
      Object.keys(sh[1]).forEach(function (k) { n.setAttribute(k, sh[1][k]); });
      s.appendChild(n);
    });
    return s;
  }
  function legendList(title, items) {
    var box = $("legend");
    box.appendChild(make("h3", title));
    var ul = make("ul");
    items.forEach(function (it) {
      var li = make("li");
      li.appendChild(swatch(it[0]));
      li.appendChild(make("span", it[1]));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  function dot(attrs) {
    var a = { cx: "15", cy: "9", r: "6", fill: "#8C8C8C", stroke: "#555555", "stroke-width": "1.5" };
    Object.keys(attrs || {}).forEach(function (k) { a[k] = attrs[k]; });
    return ["circle", a];
  }
  function buildLegend() {
    legendList("Colour: QuadClass", DATA.legend.quad.map(function (q) {
      return [[dot({ fill: q.color, stroke: q.color })], q.name];
    }));
    var cross = ["path", { d: "M11,5L19,13M11,13L19,5", stroke: "#555555", "stroke-width": "1.5" }];
    var outline = {
      asserted: [dot()],
      planned: [dot({ fill: "#d1d1d1", "stroke-dasharray": "4,3" })],
      conditional: [dot({ fill: "#ffffff", "stroke-dasharray": "1.5,2" })],
      negated: [dot({ fill: "#ffffff" }), cross]
    };
    var items = DATA.legend.modality.map(function (m) { return [outline[m.name] || [dot()], m.name + ": " + m.note]; });
    items.push([[["polygon", { points: "15,2 22,9 15,16 8,9", fill: "#8C8C8C", stroke: "#555555" }]],
      "diamond: claimed by an actor (an accusation)"]);
    legendList("Shape and outline: modality", items);
    legendList("Size: articles reporting it", [
      [[dot({ r: "3" })], "1"], [[dot({ r: "5.5" })], "3"], [[dot({ r: "8" })], "6 or more"]
    ]);
    legendList("Lines and bars", [
      [[["line", { x1: "2", y1: "9", x2: "22", y2: "9", stroke: "#8a94a0", "stroke-width": "1.5" }],
        ["circle", { cx: "24", cy: "9", r: "3", fill: "#8C8C8C" }]],
        "to the lane of another source actor (lines appear as you zoom in)"],
      [[["line", { x1: "2", y1: "9", x2: "22", y2: "9", stroke: "#8a94a0", "stroke-width": "1.5", "stroke-dasharray": "4,3" }],
        ["circle", { cx: "24", cy: "9", r: "3", fill: "#8C8C8C" }]],
        "to the lane of a target actor"],
      [[["path", { d: "M2,14Q15,0 28,10", fill: "none", stroke: "#2f3b4c", "stroke-width": "2" }]],
        "between events (violates, ends, ...)"],
      [[["rect", { x: "2", y: "5", width: "26", height: "8", rx: "4", fill: "#8C8C8C", opacity: "0.4" }]],
        "how long it lasted, or how vague its date is"]
    ]);
  }

  // ---- controls ---------------------------------------------------------------------------
  function updateCount() {
    var n = visible.size, total = DATA.events.length;
    $("count").textContent = n + " of " + total + " events shown";
    var empty = $("empty");
    empty.textContent = total ? "No event matches the filters." : "No events in this graph.";
    empty.hidden = n > 0;
  }

  function applyFilters() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    refreshDrawLists();
    updateCount();
    if (network) network.redraw();
  }

  function fillControls() {
    var sel = $("f-actor");
    DATA.actors.forEach(function (a) {
      var o = make("option", a.label + " (" + a.n + ")");
      o.value = a.id;
      sel.appendChild(o);
    });
    sel = $("f-type");
    DATA.roots.forEach(function (r) {
      var o = make("option", (r.root || "??") + " " + r.name + " (" + r.n + ")");
      o.value = r.root;
      sel.appendChild(o);
    });
    ["f-from", "f-to"].forEach(function (id) {
      if (DATA.axis.min) $(id).min = DATA.axis.min;
      if (DATA.axis.max) $(id).max = DATA.axis.max;
    });
    var timer = null;
    $("controls").addEventListener("submit", function (ev) { ev.preventDefault(); });
    $("f-mode").addEventListener("change", function () {
      loadMode(this.value);
      applyFilters();
      fitAll();
    });
    $("f-actor").addEventListener("change", function () { state.actor = this.value; applyFilters(); });
    $("f-type").addEventListener("change", function () { state.root = this.value; applyFilters(); });
    $("f-from").addEventListener("change", function () { state.from = this.value; applyFilters(); });
    $("f-to").addEventListener("change", function () { state.to = this.value; applyFilters(); });
    $("f-undated").addEventListener("change", function () { state.undated = this.checked; applyFilters(); });
    $("f-search").addEventListener("input", function () {
      var box = this;
      clearTimeout(timer);
      timer = setTimeout(function () {
        state.terms = box.value.toLowerCase().split(/\s+/).filter(Boolean);
        applyFilters();
      }, 150);
    });
    $("f-search").addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      clearTimeout(timer);
      state.terms = this.value.toLowerCase().split(/\s+/).filter(Boolean);
      applyFilters();
      var first = DATA.events.find(function (e) { return visible.has(e.id); });
      if (first) showEvent(first.id, true);
    });
    $("f-reset").addEventListener("click", function () {
      var m = mode;
      $("controls").reset();
      $("f-mode").value = m;
      state = { actor: "", root: "", from: "", to: "", undated: true, terms: [] };
      applyFilters();
      fitAll();
    });
    $("f-fit").addEventListener("click", fitAll);
  }

  // ---- start ------------------------------------------------------------------------------
  computeVisible();
  loadMode(DATA.initial);
  refreshDrawLists();
  fillControls();
  buildLegend();
  updateCount();

  network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  api.network = network;
  network.on("beforeDrawing", drawBefore);
  network.on("afterDrawing", drawAfter);
  network.on("hoverNode", function (p) {
    var n = nodes.get(p.node), e = n && events.get(n.eid);
    if (!e) return;
    tooltip.textContent = e.label + "\n" + e.when + " (" + e.precision + ")\n" +
      e.cameo + " " + e.name + (e.plover ? " \u00b7 " + e.plover : "") +
      (e.modality !== "asserted" ? " \u00b7 " + e.modality : "");
    var pt = p.pointer.DOM;
    tooltip.style.left = Math.max(0, Math.min(pt.x + 14, container.clientWidth - 370)) + "px";
    tooltip.style.top = pt.y + 14 + "px";
    tooltip.hidden = false;
  });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { tooltip.hidden = true; });
  network.on("zoom", function () { tooltip.hidden = true; });
  network.on("click", function (p) {
    if (!p.nodes.length) return;
    var n = nodes.get(p.nodes[0]);
    if (n && n.eid !== undefined) showEvent(n.eid, false);
  });
  fitAll();

  api.visibleEventIds = function () { return Array.from(visible); };
  api.ticks = function () { return lastTicks; };
  api.lanes = function () { return lanes.map(function (l) { return l.label; }); };
  api.select = function (eid) { showEvent(eid, true); };
  api.fit = fitAll;
  api.screenPosition = function (eid) {
    var id = "e:" + eid;
    if (!nodeView.get(id)) return null;
    var p = network.canvasToDOM(network.getPosition(id)), box = container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  };
})();
