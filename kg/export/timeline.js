/* conflict-kg timeline page: draws the embedded events on a canvas with a zoomable time axis and
   wires the controls. Time (x) zooms and pans on its own; lanes (y) scroll. Where too many events
   share a lane and a few pixels of time they are drawn as one mark with their count, which opens
   as you zoom in. Article text is untrusted: it reaches the page only through textContent and
   canvas text, never as HTML; only http(s) URLs become links. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var DAY_MS = 86400000;
  var ORDINAL_EPOCH = 719163; // Python's date(1970, 1, 1).toordinal(): 2-day ticks as in the SVG
  var TICK_PX = 110; // room one tick label needs, as in kg/export/timeline.py (less on a phone)
  var AXIS_H = 30, FOLDED_H = 18, ROW_H = 24, LANE_PAD = 6, GUTTER = 30, BIN_PX = 24, MAX_ROWS = 3;
  var FIRST_SPAN = 540; // days: a wider dense range opens on its busiest 540 days if they hold a quarter
  var MIN_SPAN = 0.25, MAX_SPAN = 365.25 * 300; // six hours .. three centuries, in days
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var UNITS = [
    ["hour", 1, 1 / 24], ["hour", 3, 3 / 24], ["hour", 6, 6 / 24], ["hour", 12, 12 / 24],
    ["day", 1, 1], ["day", 2, 2], ["week", 1, 7], ["month", 1, 30.44], ["month", 3, 91.3],
    ["month", 6, 182.6], ["year", 1, 365.25], ["year", 2, 730.5], ["year", 5, 1826.2],
    ["year", 10, 3652.5], ["year", 25, 9131], ["year", 50, 18262], ["year", 100, 36525]
  ];

  // What tests and curious users can ask the page; it holds no article text of its own.
  var api = { ready: false, firstDrawMs: null, mode: null, selected: null };
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

  // ---- events -----------------------------------------------------------------------------
  var E = DATA.events, N = E.length, byId = new Map();
  E.forEach(function (e, i) {
    var code = DATA.codes[e.cameo] || {};
    e.i = i;
    e.quad = code.quad || 0;
    e.name = code.name || "";
    e.root = code.root === undefined ? null : code.root;
    e.colour = DATA.colours[String(e.quad)] || DATA.colours["0"];
    byId.set(e.id, e);
  });
  function searchText(e) { // built on the first search only: big pages open faster
    if (e.search !== undefined) return e.search;
    var parts = [e.id, e.label, e.cameo, e.name, e.when, e.mod];
    e.src.concat(e.tgt).forEach(function (a) { parts.push(a[1]); });
    parts = parts.concat(e.places || [], e.claimed || []);
    e.ev.forEach(function (v) {
      var art = DATA.articles[v[1]];
      parts.push(DATA.sentences[v[0]], art[1] || "", art[0]);
    });
    e.search = parts.join("\n").toLowerCase();
    return e.search;
  }

  // ---- which events pass the filters ------------------------------------------------------
  var state = { actor: "", root: "", from: "", to: "", undated: true, terms: [] };
  var shown = new Uint8Array(N), nShown = 0;
  function dayOf(iso) {
    var d = iso.split("-");
    return Date.UTC(+d[0], +d[1] - 1, +d[2]) / DAY_MS;
  }
  function computeVisible() {
    var from = state.from ? dayOf(state.from) : null, to = state.to ? dayOf(state.to) + 1 : null;
    nShown = 0;
    for (var i = 0; i < N; i++) {
      var e = E[i], ok = 1;
      if (state.actor && e.keys.indexOf(state.actor) < 0) ok = 0;
      else if (state.root && e.root !== state.root) ok = 0;
      else if (e.t === null) ok = state.undated ? 1 : 0;
      else if (from !== null && (e.e !== undefined && e.e !== null ? e.e : e.t) < from) ok = 0;
      else if (to !== null && Math.floor(e.t) >= to) ok = 0;
      if (ok && state.terms.length) {
        var s = searchText(e);
        for (var k = 0; k < state.terms.length; k++) {
          if (s.indexOf(state.terms[k]) < 0) { ok = 0; break; }
        }
      }
      shown[i] = ok;
      nShown += ok;
    }
  }

  // ---- lanes of the current grouping --------------------------------------------------------
  var mode = null, lanes = [], lanesHeight = 0, hasUndated = false;
  function loadMode(m) {
    var md = DATA.modes[m] || DATA.modes.actor;
    mode = DATA.modes[m] ? m : "actor";
    api.mode = mode;
    lanes = md.lanes.map(function (l) { return { label: l[0], kind: l[1], dated: [], undated: [] }; });
    for (var i = 0; i < N; i++) {
      var ln = lanes[md.lane[i]];
      (E[i].t === null ? ln.undated : ln.dated).push(i);
    }
    lanes.forEach(function (ln) {
      ln.dated.sort(function (a, b) { return E[a].t - E[b].t || a - b; });
      ln.ts = Float64Array.from(ln.dated.map(function (i) { return E[i].t; }));
      var n = ln.dated.length + ln.undated.length;
      ln.rows = n >= 6 ? MAX_ROWS : n >= 2 ? 2 : 1;
      ln.height = ln.rows * ROW_H + 2 * LANE_PAD;
    });
    E.forEach(function (e, i) { e.lane = md.lane[i]; e.also = md.also[i] || []; });
    $("f-mode").value = mode;
    layoutLanes();
  }
  function layoutLanes() { // lanes with no event passing the filters fold away
    var top = 0;
    hasUndated = false;
    lanes.forEach(function (ln) {
      var n = 0, u = 0;
      ln.dated.forEach(function (i) { n += shown[i]; });
      ln.undated.forEach(function (i) { u += shown[i]; });
      ln.n = n + u;
      if (u) hasUndated = true;
      ln.top = top;
      if (ln.n) top += ln.height;
    });
    lanesHeight = top;
  }

  // ---- view: a time window and a vertical scroll ---------------------------------------------
  var canvas = $("canvas"), ctx = canvas.getContext("2d"), box = $("network");
  var W = 0, H = 0, LABEL_W = 150, X0 = 0, X1 = 1;
  var view = { t0: 0, t1: 1, y: 0 };
  function geometry() {
    W = box.clientWidth;
    H = box.clientHeight;
    LABEL_W = W < 600 ? 92 : 150;
    X0 = LABEL_W + GUTTER;
    X1 = W - GUTTER - (hasUndated ? (W < 600 ? 56 : 84) : 0);
    if (X1 < X0 + 40) X1 = X0 + 40;
    var dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
      canvas.width = Math.round(W * dpr);
      canvas.height = Math.round(H * dpr);
      canvas.style.width = W + "px";
      canvas.style.height = H + "px";
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
  function xOf(t) { return X0 + (t - view.t0) / (view.t1 - view.t0) * (X1 - X0); }
  function tOf(x) { return view.t0 + (x - X0) / (X1 - X0) * (view.t1 - view.t0); }
  function clampView() {
    var span = Math.min(Math.max(view.t1 - view.t0, MIN_SPAN), MAX_SPAN), mid = (view.t0 + view.t1) / 2;
    view.t0 = mid - span / 2;
    view.t1 = mid + span / 2;
    view.y = Math.max(0, Math.min(view.y, Math.max(0, lanesHeight - (H - AXIS_H) + 10)));
  }
  function zoomAt(x, factor) {
    var t = tOf(x), span = (view.t1 - view.t0) * factor;
    span = Math.min(Math.max(span, MIN_SPAN), MAX_SPAN);
    var share = (x - X0) / (X1 - X0);
    view.t0 = t - share * span;
    view.t1 = view.t0 + span;
    schedule();
  }

  // The range that holds most of the shown events: far outliers stay out (the gutters count them).
  function denseRange(ts) {
    var n = ts.length;
    if (!n) return null;
    var lo = ts[0], hi = ts[n - 1];
    if (n >= 5) {
      var k = Math.max(1, Math.ceil(n * 0.9)) - 1, best = Infinity, a = 0;
      for (var i = 0; i + k < n; i++) {
        if (ts[i + k] - ts[i] < best) { best = ts[i + k] - ts[i]; a = i; }
      }
      lo = ts[a];
      hi = ts[a + k];
      var grow = true;
      while (grow) { // take in the tails that lie close to the dense part
        grow = false;
        var reach = Math.max(hi - lo, 7) * 0.5;
        if (a > 0 && lo - ts[a - 1] <= reach) { a--; lo = ts[a]; grow = true; }
        if (a + k < n - 1 && ts[a + k + 1] - hi <= reach) { k++; hi = ts[a + k]; grow = true; }
      }
    }
    if (hi - lo > FIRST_SPAN) { // clusters years apart: open on the busiest stretch, if any
      var most = 0, j = 0, blo = lo, bhi = hi;
      for (var s = 0; s < n; s++) {
        while (j < n && ts[j] <= ts[s] + FIRST_SPAN) j++;
        if (j - s >= most) { most = j - s; blo = ts[s]; bhi = ts[j - 1]; }
      }
      if (most >= 0.25 * n) { lo = blo; hi = bhi; }
    }
    return [lo, hi];
  }
  function frame() {
    var ts = [];
    for (var i = 0; i < N; i++) {
      if (shown[i] && E[i].t !== null) ts.push(E[i].t);
    }
    ts.sort(function (a, b) { return a - b; });
    var r = denseRange(ts);
    if (!r) {
      view.t0 = dayOf(new Date().toISOString().slice(0, 10)) - 15;
      view.t1 = view.t0 + 30;
    } else {
      var span = Math.max(r[1] - r[0], 2);
      view.t0 = r[0] - span * 0.04;
      view.t1 = r[1] + span * 0.14; // labels run to the right of their marks
      if (r[1] - r[0] < 2) { view.t0 = (r[0] + r[1]) / 2 - 1.5; view.t1 = view.t0 + 3; }
    }
    view.y = 0;
    schedule();
  }

  // ---- time axis ------------------------------------------------------------------------------
  function tickLabel(unit, ms) {
    var d = new Date(ms), day = d.getUTCDate(), mon = MONTHS[d.getUTCMonth()], year = d.getUTCFullYear();
    if (unit === "hour") return day + " " + mon + " " + ("0" + d.getUTCHours()).slice(-2) + ":00";
    if (unit === "day" || unit === "week") return day + " " + mon + " " + year;
    if (unit === "month") return mon + " " + year;
    return String(year);
  }
  // Ticks between days lo and hi (since 1970), at most about maxTicks of them.
  function ticks(lo, hi, maxTicks) {
    var span = Math.max(hi - lo, 1e-9), u = UNITS[UNITS.length - 1], i;
    for (i = 0; i < UNITS.length; i++) {
      if (span / UNITS[i][2] <= Math.max(maxTicks, 2)) { u = UNITS[i]; break; }
    }
    var unit = u[0], n = u[1], out = [], t, guard = 0, startMs = lo * DAY_MS, endMs = hi * DAY_MS;
    function push(ms) { if (ms >= startMs) out.push({ t: ms / DAY_MS, label: tickLabel(unit, ms) }); }
    if (unit === "hour") {
      var stepMs = n * 3600000;
      for (t = Math.floor(startMs / stepMs) * stepMs; t <= endMs && guard++ < 1000; t += stepMs) push(t);
    } else if (unit === "day" || unit === "week") {
      var day = Math.floor(lo);
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
        if (Math.floor(idx / 12) < 100) t = new Date(t).setUTCFullYear(Math.floor(idx / 12));
        if (t > endMs) break;
        push(t);
      }
    }
    return { unit: n === 1 ? unit : n + unit, ticks: out };
  }

  // ---- drawing ------------------------------------------------------------------------------
  var drawn = { marks: [], labels: [], ticks: { unit: null, ticks: [] }, at: new Map() };
  var selected = -1, pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; draw(); });
  }
  function radius(e) { return 4.5 + 1.2 * (Math.min(Math.max(e.n, 1), 6) - 1); }
  function mix(hex, other, share) {
    var a = parseInt(hex.slice(1), 16), b = parseInt(other.slice(1), 16), out = "#";
    [16, 8, 0].forEach(function (s) {
      var x = (a >> s) & 255, y = (b >> s) & 255;
      out += ("0" + Math.round(x + (y - x) * share).toString(16)).slice(-2);
    });
    return out;
  }
  function markPath(e, x, y, r) {
    ctx.beginPath();
    if (e.claimed) {
      ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r * 1.2, y); ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r * 1.2, y); ctx.closePath();
    } else {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
  }
  function drawMark(e, x, y) {
    var r = radius(e), c = e.colour, fill = c, border = mix(c, "#000000", 0.35), dash = [], w = 1.5;
    if (e.mod === "planned") { fill = mix(c, "#ffffff", 0.6); border = c; dash = [4, 3]; w = 2; }
    else if (e.mod === "conditional") { fill = "#ffffff"; border = c; dash = [1.5, 2]; w = 2; }
    else if (e.mod === "negated") { fill = "#ffffff"; border = c; w = 2; }
    markPath(e, x, y, r);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.setLineDash(dash);
    ctx.lineWidth = w;
    ctx.strokeStyle = border;
    ctx.stroke();
    ctx.setLineDash([]);
    if (e.mod === "negated") {
      var k = r * 0.7;
      ctx.beginPath();
      ctx.moveTo(x - k, y - k); ctx.lineTo(x + k, y + k);
      ctx.moveTo(x - k, y + k); ctx.lineTo(x + k, y - k);
      ctx.stroke();
    }
    if (e.i === selected) {
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = "#111111";
      markPath(e, x, y, r + 3);
      ctx.stroke();
    }
  }
  function drawAggregate(members, x, y) {
    var counts = [0, 0, 0, 0, 0], n = members.length;
    members.forEach(function (i) { counts[E[i].quad]++; });
    var r = Math.min(6 + 1.5 * Math.log2(n), BIN_PX / 2 - 1), a = -Math.PI / 2;
    [1, 2, 3, 4, 0].forEach(function (q) {
      if (!counts[q]) return;
      var b = a + 2 * Math.PI * counts[q] / n;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.arc(x, y, r, a, b);
      ctx.closePath();
      ctx.fillStyle = DATA.colours[String(q)];
      ctx.fill();
      a = b;
    });
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = "#2f3b4c";
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.stroke();
    var text = n < 1000 ? String(n) : Math.round(n / 1000) + "k";
    ctx.font = "bold " + (text.length > 2 ? 9 : 11) + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#ffffff";
    ctx.strokeText(text, x, y);
    ctx.fillStyle = "#1d2430";
    ctx.fillText(text, x, y);
    ctx.textAlign = "left";
    return r;
  }
  function lowerBound(ts, t) {
    var lo = 0, hi = ts.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (ts[m] < t) lo = m + 1; else hi = m; }
    return lo;
  }
  function rowY(ln, row) { return AXIS_H - view.y + ln.top + LANE_PAD + (row + 0.5) * ROW_H; }

  // Deep in, events of one day (whose hour is mostly unknown) open side by side across it.
  function spreadDay(ln, members, dayPx, singles) {
    var d0 = Math.floor(E[members[0]].t), cols = Math.floor(0.8 * dayPx / BIN_PX);
    for (var k = 1; k < members.length; k++) {
      if (Math.floor(E[members[k]].t) !== d0) return false;
    }
    if (members.length > cols * ln.rows) return false;
    var ncol = Math.ceil(members.length / ln.rows), left = xOf(d0 + 0.5) - (ncol - 1) / 2 * BIN_PX;
    members.forEach(function (i, k) {
      var row = k % ln.rows;
      singles.push({ i: i, x: left + Math.floor(k / ln.rows) * BIN_PX, y: rowY(ln, row), row: row });
    });
    return true;
  }

  // One lane's dated events in view: a bin holding more than the lane's rows becomes one mark.
  function drawLane(ln, singles, aggregates) {
    var tPad = (view.t1 - view.t0) * 0.02;
    var a = lowerBound(ln.ts, view.t0 - tPad), b = lowerBound(ln.ts, view.t1 + tPad);
    var bin = null, members = [];
    var dayPx = (X1 - X0) / (view.t1 - view.t0);
    function flush() {
      if (!members.length) return;
      if (members.length > ln.rows && dayPx >= 4 * BIN_PX && spreadDay(ln, members, dayPx, singles)) {
        members = [];
        return;
      }
      if (members.length <= ln.rows) {
        members.forEach(function (i, row) { singles.push({ i: i, x: xOf(E[i].t), y: rowY(ln, row), row: row }); });
      } else {
        var sum = 0;
        members.forEach(function (i) { sum += E[i].t; });
        aggregates.push({ members: members, x: xOf(sum / members.length), y: rowY(ln, (ln.rows - 1) / 2) });
      }
      members = [];
    }
    for (var k = a; k < b; k++) {
      var i = ln.dated[k];
      if (!shown[i]) continue;
      var bn = Math.floor((xOf(E[i].t) - X0) / BIN_PX);
      if (bn !== bin) { flush(); bin = bn; }
      members.push(i);
    }
    flush();
  }
  function drawUndated(ln, singles, aggregates) {
    var list = ln.undated.filter(function (i) { return shown[i]; });
    if (!list.length) return;
    var x = X1 + GUTTER + (W - X1 - GUTTER) / 2;
    if (list.length <= ln.rows) {
      list.forEach(function (i, row) { singles.push({ i: i, x: x, y: rowY(ln, row), row: row, undated: true }); });
    } else {
      aggregates.push({ members: list, x: x, y: rowY(ln, (ln.rows - 1) / 2), undated: true });
    }
  }

  function textFit(text, room) { // the text, shortened with an ellipsis to fit room pixels, or ""
    if (ctx.measureText(text).width <= room) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) {
      var m = (lo + hi + 1) >> 1;
      if (ctx.measureText(text.slice(0, m) + "\u2026").width <= room) lo = m; else hi = m - 1;
    }
    return lo >= 4 ? text.slice(0, lo).trimEnd() + "\u2026" : "";
  }

  // Labels beside single marks (right, or left where there is more room), each within the gap
  // between its mark and the neighbouring marks and labels of its row: none ever overlap.
  function drawLabels(ln, singles, aggregates, out) {
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    for (var row = 0; row < ln.rows; row++) {
      var obs = [];
      singles.forEach(function (s) {
        if (s.row === row && !s.undated) { var r = radius(E[s.i]) + 2; obs.push({ l: s.x - r, r: s.x + r, s: s }); }
      });
      aggregates.forEach(function (g) { if (!g.undated) obs.push({ l: g.x - g.r - 2, r: g.x + g.r + 2, s: null }); });
      obs.sort(function (p, q) { return p.l - q.l; });
      var used = X0; // right end of what is already placed in this row
      obs.forEach(function (o, k) {
        var prevUsed = used;
        used = Math.max(used, o.r);
        if (!o.s || o.s.x < X0 || o.s.x > X1) return;
        var e = E[o.s.i], right0 = o.r + 2;
        var right1 = Math.min(k + 1 < obs.length ? obs[k + 1].l : Infinity, X1) - 2;
        var left0 = Math.max(prevUsed, X0) + 2, left1 = o.l - 2;
        var full = ctx.measureText(e.label).width, onLeft = false, room = right1 - right0;
        if (full > room && left1 - left0 > room) { onLeft = true; room = left1 - left0; }
        if (room < 36) return;
        var text = textFit(e.label, Math.min(room - 2, 260));
        if (!text) return;
        var w = ctx.measureText(text).width, x = onLeft ? left1 - w : right0;
        ctx.fillStyle = "rgba(255, 255, 255, 0.8)";
        ctx.fillRect(x - 1, o.s.y - 8, w + 2, 16);
        ctx.fillStyle = "#1d2430";
        ctx.fillText(text, x, o.s.y);
        out.push({ x: x - 1, y: o.s.y - 8, w: w + 2, h: 16, id: e.id });
        if (!onLeft) used = Math.max(used, x + w + 1);
      });
    }
  }

  function drawArc(p, q, label) {
    var mx = (p.x + q.x) / 2, my = Math.min(p.y, q.y) - 24 - Math.abs(q.x - p.x) * 0.08;
    ctx.strokeStyle = "#2f3b4c";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.quadraticCurveTo(mx, my, q.x, q.y);
    ctx.stroke();
    var ang = Math.atan2(q.y - my, q.x - mx), r = radius(E[q.i]) + 1;
    var tx = q.x - r * Math.cos(ang), ty = q.y - r * Math.sin(ang);
    ctx.fillStyle = "#2f3b4c";
    ctx.beginPath();
    ctx.moveTo(tx, ty);
    ctx.lineTo(tx - 8 * Math.cos(ang - 0.4), ty - 8 * Math.sin(ang - 0.4));
    ctx.lineTo(tx - 8 * Math.cos(ang + 0.4), ty - 8 * Math.sin(ang + 0.4));
    ctx.fill();
    if (label) {
      ctx.font = "10px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.fillText(label, mx, (Math.min(p.y, q.y) + my) / 2);
      ctx.textAlign = "left";
    }
  }
  // Lifecycle arcs where both ends are drawn; for the selected event also its other actors' lanes.
  function drawLinks(at) {
    var few = at.size <= 400;
    at.forEach(function (p, i) {
      var e = E[i];
      if (!e.links || (!few && i !== selected)) return;
      e.links.forEach(function (l) {
        if (l[1] !== "o") return;
        var q = at.get(l[2]);
        if (q) drawArc(p, q, i === selected || l[2] === selected ? l[0] : null);
      });
    });
    var s = at.get(selected);
    if (!s) return;
    (E[selected].links || []).forEach(function (l) { // the selected event's links, even off-screen
      var other = E[l[2]];
      if (at.has(l[2]) || other.t === null || !shown[l[2]]) return;
      var ln = lanes[other.lane];
      var q = { i: l[2], x: xOf(other.t), y: ln.live ? rowY(ln, 0) : AXIS_H - view.y + ln.top + FOLDED_H / 2 };
      if (l[1] === "o") drawArc(s, q, l[0]); else drawArc(q, s, l[0]);
    });
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = "#5a6575";
    ctx.lineWidth = 1.2;
    E[selected].also.forEach(function (li) {
      var ln = lanes[li];
      if (!ln || !ln.n) return;
      var y = ln.live ? rowY(ln, (ln.rows - 1) / 2) : AXIS_H - view.y + ln.top + FOLDED_H / 2;
      ctx.beginPath();
      ctx.moveTo(s.x, s.y);
      ctx.lineTo(s.x, y);
      ctx.stroke();
      ctx.fillStyle = E[selected].colour;
      ctx.beginPath();
      ctx.arc(s.x, y, 4, 0, 2 * Math.PI);
      ctx.fill();
    });
    ctx.setLineDash([]);
  }

  function tickPx() { return W < 600 ? 72 : TICK_PX; }
  function drawAxis() {
    var tk = ticks(view.t0, view.t1, Math.floor((X1 - X0) / tickPx()));
    drawn.ticks = { unit: tk.unit, ticks: [] };
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, W, AXIS_H);
    ctx.strokeStyle = "#c9ced6";
    ctx.beginPath();
    ctx.moveTo(0, AXIS_H - 0.5);
    ctx.lineTo(W, AXIS_H - 0.5);
    ctx.stroke();
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillStyle = "#3c4656";
    tk.ticks.forEach(function (t) {
      var x = xOf(t.t), w = ctx.measureText(t.label).width;
      if (x < X0 - 1 || x + w + 4 > X1 + GUTTER) return;
      ctx.fillText(t.label, x + 3, AXIS_H / 2);
      drawn.ticks.ticks.push({ x: x, label: t.label, w: w });
    });
  }
  function drawGrid() {
    ctx.strokeStyle = "#e3e6ea";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ticks(view.t0, view.t1, Math.floor((X1 - X0) / tickPx())).ticks.forEach(function (t) {
      var x = Math.round(xOf(t.t)) + 0.5;
      if (x < X0 || x > X1 + GUTTER) return;
      ctx.moveTo(x, AXIS_H);
      ctx.lineTo(x, H);
    });
    ctx.stroke();
  }
  // Counts of shown events before and after the window, in the gutters (click to take them in).
  function drawGutters() {
    var before = 0, after = 0;
    for (var i = 0; i < N; i++) {
      if (!shown[i] || E[i].t === null) continue;
      if (E[i].t < view.t0) before++; else if (E[i].t > view.t1) after++;
    }
    drawn.outside = { before: before, after: after };
    ctx.font = "11px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    [[before, X0 - GUTTER / 2, "\u25c0"], [after, X1 + GUTTER / 2, "\u25b6"]].forEach(function (g) {
      ctx.fillStyle = "rgba(236, 239, 243, 0.9)";
      ctx.fillRect(g[1] - GUTTER / 2, AXIS_H, GUTTER, H - AXIS_H);
      if (!g[0]) return;
      ctx.fillStyle = "#3c4656";
      ctx.fillText(g[2], g[1], AXIS_H + 14);
      ctx.fillText(String(g[0]), g[1], AXIS_H + 30);
    });
    if (hasUndated) {
      var ux = X1 + GUTTER;
      ctx.fillStyle = "rgba(226, 214, 196, 0.45)";
      ctx.fillRect(ux, AXIS_H, W - ux, H - AXIS_H);
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(ux, 0, W - ux, AXIS_H - 1);
      ctx.fillStyle = "#3c4656";
      ctx.font = "italic 12px system-ui, sans-serif";
      ctx.fillText("undated", (ux + W) / 2, AXIS_H / 2);
    }
    ctx.textAlign = "left";
  }
  function drawLaneLabels(visibleLanes) {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, AXIS_H, LABEL_W, H - AXIS_H);
    ctx.strokeStyle = "#c9ced6";
    ctx.beginPath();
    ctx.moveTo(LABEL_W - 0.5, AXIS_H);
    ctx.lineTo(LABEL_W - 0.5, H);
    ctx.stroke();
    ctx.textBaseline = "middle";
    visibleLanes.forEach(function (ln) {
      var y = AXIS_H - view.y + ln.top, mid = y + Math.min(ln.shownHeight / 2, 14);
      ctx.font = (ln.kind === "country" ? "600 " : "") + (ln.live ? "12px" : "10px") + " system-ui, sans-serif";
      ctx.fillStyle = ln.kind === "other" || ln.kind === "none" ? "#5a6575" : "#1d2430";
      ctx.fillText(textFit(ln.label, LABEL_W - 12) || ln.label.slice(0, 3), 6, mid);
      ctx.font = "11px system-ui, sans-serif";
      ctx.fillStyle = "#5a6575";
      var sub = ln.n + (ln.kind === "group" ? " \u00b7 group" : "");
      if (ln.live && ln.height > 34) ctx.fillText(textFit(sub, LABEL_W - 12), 6, mid + 15);
    });
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, LABEL_W, AXIS_H);
  }

  // Lanes with no shown event in the time window fold to a thin strip while it lasts.
  function foldLanes() {
    var top = 0, pad = (view.t1 - view.t0) * 0.02;
    lanes.forEach(function (ln) {
      ln.top = top;
      if (!ln.n) return;
      var live = ln.undated.some(function (i) { return shown[i]; });
      for (var k = lowerBound(ln.ts, view.t0 - pad); !live && k < ln.ts.length && ln.ts[k] <= view.t1 + pad; k++) {
        if (shown[ln.dated[k]]) live = true;
      }
      ln.live = live;
      ln.shownHeight = live ? ln.height : FOLDED_H;
      top += ln.shownHeight;
    });
    lanesHeight = top;
  }

  function draw() {
    geometry();
    foldLanes();
    clampView();
    ctx.clearRect(0, 0, W, H);
    var visibleLanes = lanes.filter(function (ln) {
      var y = AXIS_H - view.y + ln.top;
      return ln.n && y + ln.shownHeight > AXIS_H && y < H;
    });
    visibleLanes.forEach(function (ln, k) {
      ctx.fillStyle = ln.live ? (k % 2 ? "#f4f6f8" : "#ffffff") : "#eceff3";
      ctx.fillRect(LABEL_W, AXIS_H - view.y + ln.top, W - LABEL_W, ln.shownHeight);
    });
    drawGrid();
    var marks = [], labels = [], at = new Map(), perLane = [];
    visibleLanes.forEach(function (ln) {
      if (!ln.live) return;
      var singles = [], aggregates = [];
      drawLane(ln, singles, aggregates);
      drawUndated(ln, singles, aggregates);
      perLane.push([ln, singles, aggregates]);
      singles.forEach(function (s) { at.set(s.i, s); });
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_W, AXIS_H, W - LABEL_W, H - AXIS_H);
    ctx.clip();
    // duration bars under the marks
    ctx.globalAlpha = 0.3;
    at.forEach(function (s) {
      var e = E[s.i];
      if (s.undated || e.e === undefined || e.e === null) return;
      ctx.fillStyle = e.colour;
      ctx.fillRect(s.x, s.y - 4, Math.max(xOf(e.e) - s.x, 1), 8);
    });
    ctx.globalAlpha = 1;
    drawLinks(at);
    perLane.forEach(function (p) {
      p[2].forEach(function (g) { g.r = drawAggregate(g.members, g.x, g.y); marks.push(g); });
      p[1].forEach(function (s) { drawMark(E[s.i], s.x, s.y); marks.push(s); });
    });
    perLane.forEach(function (p) { drawLabels(p[0], p[1], p[2], labels); });
    ctx.restore();
    drawGutters();
    drawLaneLabels(visibleLanes);
    drawAxis();
    drawn.marks = marks;
    drawn.labels = labels;
    drawn.at = at;
    if (!api.ready) {
      api.ready = true;
      api.firstDrawMs = performance.now();
    }
  }

  // ---- pointer, wheel and keys ----------------------------------------------------------------
  var tooltip = $("tooltip"), details = $("details");
  function hit(x, y) {
    var best = null, bestD = Infinity;
    drawn.marks.forEach(function (m) {
      var r = m.members ? m.r : radius(E[m.i]) + 3, d = Math.hypot(m.x - x, m.y - y);
      if (d <= r + 2 && d < bestD) { best = m; bestD = d; }
    });
    return best;
  }
  function local(ev) {
    var r = box.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  }
  function openAggregate(g) {
    var lo = Infinity, hi = -Infinity;
    g.members.forEach(function (i) { lo = Math.min(lo, E[i].t); hi = Math.max(hi, E[i].t); });
    if (g.undated || lo === Infinity) return;
    var span = Math.max(hi - lo, MIN_SPAN * 4), pad = span * 0.15;
    view.t0 = lo - pad;
    view.t1 = hi + pad;
    schedule();
  }
  function showTip(m, p) {
    if (!m) { tooltip.hidden = true; return; }
    if (m.members) {
      tooltip.textContent = m.members.length + " events here: click to open them" +
        (m.undated ? " (undated)" : "");
    } else {
      var e = E[m.i];
      tooltip.textContent = e.label + "\n" + e.when + " (" + e.prec + ")\n" + e.cameo + " " + e.name +
        (e.mod !== "asserted" ? " \u00b7 " + e.mod : "") +
        (e.claimed ? " \u00b7 claimed by " + e.claimed.join(", ") : "");
    }
    tooltip.style.left = Math.max(0, Math.min(p.x + 14, W - 370)) + "px";
    tooltip.style.top = Math.min(p.y + 14, H - 60) + "px";
    tooltip.hidden = false;
  }
  var pointers = new Map(), dragged = false, pinch = null;
  box.addEventListener("pointerdown", function (ev) {
    box.setPointerCapture(ev.pointerId);
    pointers.set(ev.pointerId, local(ev));
    dragged = false;
    if (pointers.size === 2) {
      var ps = Array.from(pointers.values());
      pinch = { d: Math.abs(ps[0].x - ps[1].x) || 1, t0: view.t0, t1: view.t1, x: (ps[0].x + ps[1].x) / 2 };
    }
  });
  box.addEventListener("pointermove", function (ev) {
    var p = local(ev), last = pointers.get(ev.pointerId);
    if (!last) { showTip(hit(p.x, p.y), p); box.style.cursor = hit(p.x, p.y) ? "pointer" : "grab"; return; }
    pointers.set(ev.pointerId, p);
    if (pointers.size === 2 && pinch) {
      var ps = Array.from(pointers.values()), d = Math.abs(ps[0].x - ps[1].x) || 1;
      view.t0 = pinch.t0;
      view.t1 = pinch.t1;
      zoomAt(pinch.x, pinch.d / d);
      dragged = true;
      return;
    }
    var dx = p.x - last.x, dy = p.y - last.y;
    if (Math.abs(dx) + Math.abs(dy) > 0) {
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 3) { pointers.set(ev.pointerId, last); return; }
      dragged = true;
      tooltip.hidden = true;
      var shift = dx * (view.t1 - view.t0) / (X1 - X0);
      view.t0 -= shift;
      view.t1 -= shift;
      view.y -= dy;
      schedule();
    }
  });
  function release(ev) {
    var p = local(ev);
    pointers.delete(ev.pointerId);
    if (pointers.size < 2) pinch = null;
    if (dragged || ev.type !== "pointerup") return;
    var m = hit(p.x, p.y);
    if (m && m.members) openAggregate(m);
    else if (m) showEvent(m.i, false);
    else if (p.x < X0 && p.x > LABEL_W && drawn.outside && drawn.outside.before) extendTo(-1);
    else if (p.x > X1 && p.x < X1 + GUTTER && drawn.outside && drawn.outside.after) extendTo(1);
  }
  box.addEventListener("pointerup", release);
  box.addEventListener("pointercancel", release);
  box.addEventListener("pointerleave", function () { if (!pointers.size) tooltip.hidden = true; });
  function extendTo(side) { // take in the events beyond one edge
    var lo = view.t0, hi = view.t1;
    for (var i = 0; i < N; i++) {
      if (!shown[i] || E[i].t === null) continue;
      if (side < 0) lo = Math.min(lo, E[i].t); else hi = Math.max(hi, E[i].t);
    }
    var pad = (hi - lo) * 0.03;
    view.t0 = side < 0 ? lo - pad : view.t0;
    view.t1 = side > 0 ? hi + pad : view.t1;
    schedule();
  }
  box.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    tooltip.hidden = true;
    var p = local(ev), dy = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    var dx = ev.deltaMode === 1 ? ev.deltaX * 16 : ev.deltaX;
    if (p.y < AXIS_H || ev.ctrlKey || ev.metaKey) {
      zoomAt(Math.max(X0, Math.min(p.x, X1)), Math.exp(dy * 0.0025));
    } else if (ev.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      var shift = (ev.shiftKey ? dy : dx) * (view.t1 - view.t0) / (X1 - X0);
      view.t0 += shift;
      view.t1 += shift;
      schedule();
    } else {
      view.y += dy;
      schedule();
    }
  }, { passive: false });
  box.addEventListener("keydown", function (ev) {
    var span = view.t1 - view.t0, mid = (X0 + X1) / 2;
    if (ev.key === "+" || ev.key === "=") zoomAt(mid, 0.6);
    else if (ev.key === "-") zoomAt(mid, 1 / 0.6);
    else if (ev.key === "ArrowLeft" || ev.key === "ArrowRight") {
      var k = (ev.key === "ArrowLeft" ? -0.15 : 0.15) * span;
      view.t0 += k;
      view.t1 += k;
      schedule();
    } else if (ev.key === "ArrowUp" || ev.key === "ArrowDown") {
      view.y += ev.key === "ArrowUp" ? -60 : 60;
      schedule();
    } else return;
    ev.preventDefault();
  });
  window.addEventListener("resize", schedule);

  // ---- the panel ----------------------------------------------------------------------------
  function names(list) { return list.map(function (a) { return a[1]; }).join(", "); }
  function sentenceWithTrigger(text, span) {
    var q = make("blockquote");
    if (span && span[1] <= text.length && span[0] < span[1]) {
      q.appendChild(document.createTextNode(text.slice(0, span[0])));
      q.appendChild(make("mark", text.slice(span[0], span[1])));
      q.appendChild(document.createTextNode(text.slice(span[1])));
    } else {
      q.textContent = text;
    }
    return q;
  }
  function articleLine(art) { // headline, outlet, date, link
    var src = make("div", null, "source"), url = safeUrl(art[4]);
    var name = art[1] || "Untitled article" + (art[3] ? " of " + art[3] : "");
    if (url) {
      var a = make("a", name);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      src.appendChild(a);
    } else {
      src.appendChild(make("cite", name));
    }
    var rest = [];
    if (art[2]) rest.push(art[2]);
    if (art[3]) rest.push(art[3]);
    var rawUrl = art[5] || (url ? null : art[4]);
    if (rawUrl) rest.push(rawUrl);
    if (rest.length) src.appendChild(document.createTextNode(" \u00b7 " + rest.join(" \u00b7 ")));
    return src;
  }
  function showEvent(i, focus) {
    var e = E[i];
    if (!e) return;
    selected = i;
    api.selected = e.id;
    details.replaceChildren();
    details.appendChild(make("h2", e.label));
    var dl = make("dl", null, "facts"), code = DATA.codes[e.cameo] || {};
    function fact(k, v) {
      if (v === null || v === undefined || v === "") return;
      dl.appendChild(make("dt", k));
      dl.appendChild(make("dd", v));
    }
    fact("When", e.when);
    fact("Precision", e.prec + (e.basis ? ", date " + e.basis : ""));
    if (e.ttext) fact("As written", "\u201c" + e.ttext + "\u201d");
    fact("CAMEO", e.cameo + (code.name ? " " + code.name : "") +
      (code.root && code.name !== code.root_name ? " (root " + code.root + " " + code.root_name + ")" : ""));
    fact("PLOVER", code.plover ? code.plover + (code.plover_mode ? ":" + code.plover_mode : "") : "none");
    fact("QuadClass", e.quad + " " + (code.quad_name || "unknown") +
      (code.goldstein !== null && code.goldstein !== undefined ? ", Goldstein " + code.goldstein : ""));
    fact("Modality", e.claimed ? (e.mod === "asserted" ? "" : e.mod + ", ") + "claimed by " + e.claimed.join(", ") : e.mod);
    if (e.conf !== undefined && e.conf !== null) {
      var sure = (e.fc || []).map(function (f) { return f[0] + " " + f[1].toFixed(2); });
      fact("Confidence", e.conf.toFixed(2) + (sure.length ? " (" + sure.join(", ") + ")" : ""));
    }
    fact("Source actors", names(e.src));
    fact("Target actors", names(e.tgt));
    fact("Places", (e.places || []).join(", "));
    fact("Reported by", e.n + (e.n === 1 ? " article" : " articles"));
    details.appendChild(dl);
    if (e.links) {
      details.appendChild(make("h3", "Linked events"));
      var ul = make("ul", null, "links");
      e.links.forEach(function (l) {
        var other = E[l[2]], li = make("li");
        var b = make("button", l[1] === "o" ? l[0] + " \u2192 " + other.label
          : other.label + " \u2192 " + l[0] + " this", "linkbtn");
        b.type = "button";
        b.addEventListener("click", function () { showEvent(l[2], true); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    details.appendChild(make("h3", "Evidence (" + e.ev.length + ")"));
    var ol = make("ol", null, "evidence");
    e.ev.forEach(function (v) {
      var li = make("li");
      li.appendChild(sentenceWithTrigger(DATA.sentences[v[0]], v[3]));
      li.appendChild(articleLine(DATA.articles[v[1]]));
      ol.appendChild(li);
    });
    details.appendChild(ol);
    document.body.classList.add("has-selection");
    if (focus && e.t !== null && (e.t < view.t0 || e.t > view.t1)) {
      var span = view.t1 - view.t0;
      view.t0 = e.t - span / 2;
      view.t1 = e.t + span / 2;
    }
    if (focus) {
      var ln = lanes[e.lane];
      if (ln && ln.n) view.y = Math.max(0, ln.top - (H - AXIS_H) / 3);
    }
    schedule();
  }

  // ---- legend -------------------------------------------------------------------------------
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
    var lbox = $("legend");
    lbox.appendChild(make("h3", title));
    var ul = make("ul");
    items.forEach(function (it) {
      var li = make("li");
      li.appendChild(swatch(it[0]));
      li.appendChild(make("span", it[1]));
      ul.appendChild(li);
    });
    lbox.appendChild(ul);
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
    legendList("Size and count", [
      [[dot({ r: "3" })], "1 article"], [[dot({ r: "7" })], "6 or more articles"],
      [[["circle", { cx: "15", cy: "9", r: "8", fill: "#E69F00", stroke: "#2f3b4c" }],
        ["path", { d: "M15,9L15,1A8,8 0 0 1 22,12Z", fill: "#56B4E9" }]],
        "many events in a lane close in time: their number and colour mix; click or zoom in to open"]
    ]);
    legendList("Lines and bars", [
      [[["path", { d: "M2,14Q15,0 28,10", fill: "none", stroke: "#2f3b4c", "stroke-width": "2" }]],
        "between events (violates, ends, ...), where both are in view"],
      [[["line", { x1: "15", y1: "2", x2: "15", y2: "16", stroke: "#5a6575", "stroke-dasharray": "3,2" }]],
        "the selected event's other actors"],
      [[["rect", { x: "2", y: "5", width: "26", height: "8", rx: "4", fill: "#8C8C8C", opacity: "0.4" }]],
        "how long it lasted, or how vague its date is"],
      [[["path", { d: "M6,9L14,4L14,14Z", fill: "#3c4656" }]],
        "events outside the view, counted at the edges (click to take them in)"]
    ]);
  }

  // ---- controls ---------------------------------------------------------------------------------
  function updateCount() {
    $("count").textContent = nShown + " of " + N + " events shown";
    var empty = $("empty");
    empty.textContent = N ? "No event matches the filters." : "No events in this graph.";
    empty.hidden = nShown > 0;
  }
  function applyFilters(reframe) {
    computeVisible();
    layoutLanes();
    updateCount();
    if (reframe !== false) frame(); else schedule();
  }
  function terms(text) { return text.toLowerCase().split(/\s+/).filter(Boolean); }
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
      if (DATA.range) { $(id).min = DATA.range[0]; $(id).max = DATA.range[1]; }
    });
    var timer = null;
    $("controls").addEventListener("submit", function (ev) { ev.preventDefault(); });
    $("f-mode").addEventListener("change", function () { loadMode(this.value); applyFilters(false); });
    $("f-actor").addEventListener("change", function () { state.actor = this.value; applyFilters(); });
    $("f-type").addEventListener("change", function () { state.root = this.value; applyFilters(); });
    $("f-from").addEventListener("change", function () { state.from = this.value; applyFilters(); });
    $("f-to").addEventListener("change", function () { state.to = this.value; applyFilters(); });
    $("f-undated").addEventListener("change", function () { state.undated = this.checked; applyFilters(); });
    $("f-search").addEventListener("input", function () {
      var input = this;
      clearTimeout(timer);
      timer = setTimeout(function () { state.terms = terms(input.value); applyFilters(); }, 150);
    });
    $("f-search").addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      clearTimeout(timer);
      state.terms = terms(this.value);
      applyFilters();
      for (var i = 0; i < N; i++) { if (shown[i]) { showEvent(i, true); break; } }
    });
    $("f-reset").addEventListener("click", function () {
      var m = mode;
      $("controls").reset();
      $("f-mode").value = m;
      state = { actor: "", root: "", from: "", to: "", undated: true, terms: [] };
      applyFilters();
    });
    $("f-fit").addEventListener("click", frame);
    $("z-in").addEventListener("click", function () { zoomAt((X0 + X1) / 2, 0.5); });
    $("z-out").addEventListener("click", function () { zoomAt((X0 + X1) / 2, 2); });
    var toggle = $("f-toggle");
    function fold(closed) {
      document.body.classList.toggle("controls-folded", closed);
      toggle.setAttribute("aria-expanded", closed ? "false" : "true");
      schedule();
    }
    toggle.addEventListener("click", function () {
      fold(!document.body.classList.contains("controls-folded"));
    });
    if (window.matchMedia("(max-width: 700px)").matches) fold(true);
    $("side-close").addEventListener("click", function () {
      document.body.classList.remove("has-selection");
      selected = -1;
      api.selected = null;
      schedule();
    });
  }

  // ---- start ----------------------------------------------------------------------------------
  computeVisible();
  loadMode(DATA.initial);
  fillControls();
  buildLegend();
  updateCount();
  geometry();
  frame();
  draw(); // at once, so that the page is ready (kgTimeline.ready) when it has loaded

  api.visibleEventIds = function () { return E.filter(function (e) { return shown[e.i]; }).map(function (e) { return e.id; }); };
  api.ticks = function () { return drawn.ticks; };
  api.lanes = function () { return lanes.filter(function (l) { return l.n; }).map(function (l) { return l.label; }); };
  api.laneKinds = function () { return lanes.filter(function (l) { return l.n; }).map(function (l) { return [l.label, l.kind]; }); };
  api.select = function (eid) { var e = byId.get(eid); if (e) showEvent(e.i, true); };
  api.fit = frame;
  api.plot = function () { var r = box.getBoundingClientRect(); return { left: r.left + X0, right: r.left + X1, top: r.top + AXIS_H, bottom: r.top + H }; };
  api.view = function () { return { t0: view.t0 * DAY_MS, t1: view.t1 * DAY_MS, outside: drawn.outside }; };
  function isoDay(iso) { return Date.parse(iso.length === 10 ? iso + "T00:00Z" : iso + "Z") / DAY_MS; }
  api.setView = function (isoStart, isoEnd) { view.t0 = isoDay(isoStart); view.t1 = isoDay(isoEnd); draw(); };
  api.redraw = draw;
  api.drawnCounts = function () {
    var s = 0, g = 0;
    drawn.marks.forEach(function (m) { if (m.members) g++; else s++; });
    return { singles: s, aggregates: g };
  };
  api.labelBoxes = function () {
    var r = box.getBoundingClientRect();
    return drawn.labels.map(function (b) { return { x: r.left + b.x, y: r.top + b.y, w: b.w, h: b.h, id: b.id }; });
  };
  api.screenPosition = function (eid) {
    var e = byId.get(eid), s = e && drawn.at.get(e.i);
    if (!s) return null;
    var r = box.getBoundingClientRect();
    return { x: r.left + s.x, y: r.top + s.y };
  };
})();
