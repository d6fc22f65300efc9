/* paperkg views: graph drawing, filters and search.
 * Input text is only ever put into the page with textContent / innerText (vis
 * tooltips get DOM elements or plain strings), never as HTML.
 */
(function () {
  "use strict";
  var body = document.body;
  var base = body.getAttribute("data-base") || "";
  var linksOn = body.getAttribute("data-links") !== "off";
  var ENTITY_TYPES = {1: true, 2: true, 3: true}; // Method, Dataset, Benchmark

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function httpUrl(u) {
    return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
  }

  function link(text, href, external) {
    var a = el("a", null, text);
    a.href = href;
    if (external) { a.rel = "noopener noreferrer"; a.target = "_blank"; }
    return a;
  }

  function tipElement(tip) {
    var d = el("div", "pk-tip");
    d.appendChild(el("div", "pk-tip-kind", tip.k));
    d.appendChild(el("div", "pk-tip-head", tip.h));
    (tip.d || []).forEach(function (line) { d.appendChild(el("div", "pk-tip-line", line)); });
    if (tip.a) { d.appendChild(el("div", "pk-tip-line", "Also written: " + tip.a)); }
    if (tip.x) { d.appendChild(el("div", "pk-tip-text", tip.x)); }
    (tip.u || []).forEach(function (p) { d.appendChild(el("div", "pk-tip-link", p[0] + ": " + p[1])); });
    return d;
  }

  function matches(text, terms) {
    text = text.toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      if (text.indexOf(terms[i]) < 0) { return false; }
    }
    return true;
  }

  function queryTerms(q) {
    return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  /* ---------------------------------------------------------- site search */

  function initSiteSearch(input, list) {
    var rows = window.PAPERKG_SEARCH || [];
    var types = window.PAPERKG_TYPES || [];
    function run() {
      var terms = queryTerms(input.value);
      list.textContent = "";
      if (!terms.length) { return; }
      var shown = 0;
      for (var i = 0; i < rows.length && shown < 50; i++) {
        var r = rows[i];
        if (!matches(r[0] + " " + r[3], terms)) { continue; }
        var li = el("li");
        li.appendChild(link(r[0], base + r[2], false));
        li.appendChild(el("span", "pk-type", types[r[1]] || ""));
        list.appendChild(li);
        shown++;
      }
      if (!shown) { list.appendChild(el("li", "pk-muted", "No match.")); }
    }
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        var first = list.querySelector("a");
        if (first) { window.location.href = first.href; }
      }
    });
    run();
  }

  /* ---------------------------------------------------------- corpus-wide figures of a page */
  /* A paper or entity page holds only what depends on its own papers. The figures that change as the
     corpus grows come from two scripts loaded with <script src> before this file (which works from
     file://, unlike fetch): the site's figures (assets/figures.js: supports, drawn sizes and relatedTo
     weights by node, the timeline's months) and the page's data shard (assets/data/XX.js: its related
     papers and the relatedTo edges of its drawing, under the page's name), which changes only with the
     page's own neighbourhood. */

  var DATA = window.PAPERKG_DATA || {};
  var FIG = window.PAPERKG_FIGURES || null;
  var pageRoot = document.querySelector(".pk-graph[data-page]");
  var record = pageRoot ? DATA[pageRoot.getAttribute("data-page")] || null : null;
  var figIndex = null;

  /* the position of a node in the figures' lists (-1: none) */
  function figAt(key) {
    if (!FIG) { return -1; }
    if (!figIndex) {
      figIndex = Object.create(null);
      FIG.k.forEach(function (k, i) { figIndex[k] = i; });
    }
    var i = figIndex[key];
    return i === undefined ? -1 : i;
  }

  /* the weight of the relatedTo edge from -> to (undefined: no such edge, or no weight) */
  function weight(from, to) {
    var i = figAt(from), j = figAt(to);
    if (i < 0 || j < 0) { return undefined; }
    var x = FIG.x[i] || [];
    for (var p = 0; p < x.length; p += 2) {
      if (x[p] === j) { return x[p + 1]; }
    }
    return undefined;
  }

  /* a weight with two decimals as Python's "%.2f" writes it: toFixed rounds an exact tie (0.125, 0.625:
     the only ties a double can hold are odd multiples of 1/8) away from zero, Python to the even digit */
  function fixed2(x) {
    var e = x * 8;
    if (e === Math.floor(e) && e % 2 !== 0) {
      var c = Math.floor(x * 100);
      return ((c % 2 === 0 ? c : c + 1) / 100).toFixed(2);
    }
    return x.toFixed(2);
  }

  /* "1 paper", "3 papers" */
  function papers(n) { return n + (n === 1 ? " paper" : " papers"); }

  function fillSupports() {
    var spans = document.querySelectorAll(".pk-support[data-key]");
    for (var i = 0; i < spans.length; i++) {
      var at = figAt(spans[i].getAttribute("data-key"));
      if (at >= 0) { spans[i].textContent = ", " + papers(FIG.n[at]); }
    }
  }

  /* the related papers [key, page, title, shared entities, shared words] by weight (the stronger direction
     of a pair), strongest first; the record lists them by key, so equal weights keep that order */
  function relatedByWeight(rec, center) {
    return (rec.rel || []).map(function (r) {
      var a = weight(center, r[0]), b = weight(r[0], center);
      return {row: r, w: Math.max(a === undefined ? 0 : a, b === undefined ? 0 : b)};
    }).sort(function (x, y) { return y.w - x.w; });
  }

  function fillRelated(rec) {
    var list = document.getElementById("pk-related"), none = document.getElementById("pk-related-none");
    if (!list || !none) { return; }
    var rows = relatedByWeight(rec, pageRoot.getAttribute("data-key"));
    list.textContent = "";
    rows.forEach(function (item) {
      var r = item.row;
      var li = el("li");
      li.appendChild(link(r[2], base + r[1], false));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "pk-muted", fixed2(item.w) + (r[3] ? " \u00b7 shares " + r[3] : "") +
                                          (r[4] ? " \u00b7 words: " + r[4] : "")));
      list.appendChild(li);
    });
    list.hidden = !rows.length;
    none.hidden = !!rows.length;
    none.textContent = "None.";
  }

  function monthIndex(m) { return parseInt(m.slice(0, 4), 10) * 12 + parseInt(m.slice(5, 7), 10) - 1; }
  function monthName(i) {
    var y = String(Math.floor(i / 12)), m = i % 12 + 1;
    while (y.length < 4) { y = "0" + y; }
    return y + "-" + (m < 10 ? "0" : "") + m;
  }
  function round(x, d) { var f = Math.pow(10, d); return Math.round(x * f) / f; }

  /* the entity's papers per month as bars over the corpus's last months (the figures' window, [first, last]) */
  function drawTimeline(w) {
    var section = document.getElementById("pk-timeline");
    var list = section && section.querySelector(".pk-timeline-rows");
    if (!list || !w) { return; }
    var first = monthIndex(w[0]), last = monthIndex(w[1]);
    var counts = {}, top = 0, total = 0, earlier = 0;
    list.getAttribute("data-rows").split(" ").forEach(function (pair) {
      var m = monthIndex(pair.slice(0, 7)), n = parseInt(pair.slice(8), 10);
      counts[m] = n; total += n;
      if (n > top) { top = n; }
      if (m < first) { earlier += n; }
    });
    var NS = "http://www.w3.org/2000/svg", color = section.getAttribute("data-color");
    var svg = document.createElementNS(NS, "svg");
    [["class", "pk-timeline-svg"], ["viewBox", "0 0 100 40"], ["preserveAspectRatio", "none"], ["width", "100%"],
     ["height", "64"], ["role", "img"], ["aria-label", "papers per month from " + w[0] + " to " + w[1]]]
      .forEach(function (a) { svg.setAttribute(a[0], a[1]); });
    var axis = document.createElementNS(NS, "line");
    [["x1", "0"], ["y1", "40"], ["x2", "100"], ["y2", "40"], ["stroke", "#999"], ["stroke-width", "0.4"],
     ["vector-effect", "non-scaling-stroke"]].forEach(function (a) { axis.setAttribute(a[0], a[1]); });
    svg.appendChild(axis);
    var width = 100 / (last - first + 1);
    for (var m = first; m <= last; m++) {
      var n = counts[m] || 0;
      if (!n) { continue; }
      var h = round(38 * n / top, 2), bar = document.createElementNS(NS, "rect"), title = document.createElementNS(NS, "title");
      [["class", "pk-bar"], ["x", round((m - first) * width, 3)], ["y", round(40 - h, 2)],
       ["width", round(Math.max(width * 0.8, 0.2), 3)], ["height", h], ["fill", color],
       ["data-month", monthName(m)], ["data-papers", n]].forEach(function (a) { bar.setAttribute(a[0], String(a[1])); });
      title.textContent = monthName(m) + ": " + papers(n);
      bar.appendChild(title);
      svg.appendChild(bar);
    }
    var line = el("p", "pk-muted pk-timeline-axis");
    line.appendChild(el("span", null, w[0]));
    line.appendChild(document.createTextNode(" \u00b7 " + papers(total - earlier).replace(" paper", " dated paper") + " in these months, at most " +
      top + " a month" + (earlier ? "; " + earlier + " earlier" : "") + " \u00b7 "));
    line.appendChild(el("span", null, w[1]));
    list.parentNode.insertBefore(svg, list);
    list.parentNode.replaceChild(line, list);
  }

  /* the relations of a drawing in legend order with their colours (the figures' table; others last) */
  function relationList(names) {
    var table = (FIG && FIG.r) || {}, own = Object.prototype.hasOwnProperty;
    var other = own.call(table, "other") ? table.other[1] : "#999999";
    function rank(r) { return own.call(table, r) ? table[r][0] : 99; }
    return Object.keys(names).sort(function (a, b) {
      return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
    }).map(function (r) { return {name: r, color: own.call(table, r) ? table[r][1] : other}; });
  }

  /* a page's drawing: local nodes and edges from the page; related papers and relatedTo edges from its
     record; sizes, supports and weights from the figures; the nodes on rings around the centre (ring 2
     takes the related papers, strongest first, as far as it has room) */
  function mergeRecord(data, rec) {
    rec = rec || {};
    var byId = {}, taking = {}, chosen = [];
    (rec.add || []).forEach(function (n) { byId[n.id] = n; });
    (rec.c || []).forEach(function (k) { taking[k] = true; });
    var pool = relatedByWeight(rec, data.center).filter(function (item) {
      return byId[item.row[0]] || taking[item.row[0]];
    });
    if (rec.q !== undefined) { pool = pool.slice(0, rec.q); }
    pool.forEach(function (item) { if (byId[item.row[0]]) { chosen.push(byId[item.row[0]]); } });
    var drawn = {};
    data.nodes.concat(chosen).forEach(function (n) { drawn[n.id] = true; });
    var names = data.relations.map(function (r) { return r.name; }), present = {};
    var edges = data.edges.map(function (e) {
      present[names[e.r]] = true;
      return {f: e.f, r: names[e.r], t: e.t, tip: e.tip};
    });
    (rec.e || []).forEach(function (e) {
      if (!drawn[e[0]] || !drawn[e[2]]) { return; }  // an edge of a related paper ring 2 had no room for
      var tip = e.length > 3 ? e[3] : e[1];
      if (e[1] === "relatedTo") {
        var w = weight(e[0], e[2]);
        if (w !== undefined) { tip += " (weight " + fixed2(w) + ")"; }
      }
      present[e[1]] = true;
      edges.push({f: e[0], r: e[1], t: e[2], tip: tip});
    });
    var rels = relationList(present), index = {};
    rels.forEach(function (r, i) { index[r.name] = i; });
    edges.forEach(function (e) { e.r = index[e.r]; });
    edges.sort(function (a, b) {
      return a.r - b.r || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0) || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0) ||
        (a.tip < b.tip ? -1 : a.tip > b.tip ? 1 : 0);
    });
    var nodes = data.nodes.concat(chosen);
    nodes.forEach(function (node) {
      var at = figAt(node.id);
      if (at >= 0) {
        if (ENTITY_TYPES[node.t]) {
          node.n = FIG.n[at];
          node.tip.d = ["support: " + papers(node.n)];
        }
        node.s = FIG.s[at];
      }
      if (node.s === undefined) { node.s = node.t === 0 ? 8 : 10; }
      if (node.n === undefined) { node.n = 0; }
    });
    var xy = [[0, 0]], rings = [data.rings[0], data.rings[1] + chosen.length];
    rings.forEach(function (count, d) {
      var depth = d + 1, radius = 220 * depth + 12 * Math.max(0, count - 12);
      for (var i = 0; i < count; i++) {
        var angle = 2 * Math.PI * i / Math.max(1, count) + 0.35 * depth;
        xy.push([round(radius * Math.cos(angle), 1), round(radius * Math.sin(angle), 1)]);
      }
    });
    data.nodes = nodes; data.edges = edges; data.relations = rels; data.xy = xy;
  }

  if (FIG) {
    fillSupports();
    if (FIG.w) { drawTimeline(FIG.w); }
  }
  if (record) { fillRelated(record); }

  /* ---------------------------------------------------------- graph */

  function initGraph(root) {
    var script = document.getElementById(root.getAttribute("data-graph"));
    if (!script || typeof vis === "undefined") { return; }
    var data = JSON.parse(script.textContent);
    if (data.rings) { mergeRecord(data, root.hasAttribute("data-page") ? record : null); }
    var types = data.types, rels = data.relations;
    var canvas = root.querySelector(".pk-canvas");
    var details = root.querySelector(".pk-details");
    var controls = root.querySelector(".pk-controls");
    var typeOn = {}, relOn = {}, minSupport = 0, maxSupport = 0, typeCount = {};
    // the overview map: entities coloured by topic, the top entities of each topic labelled at any zoom
    var map = data.map || null, topLabel = {}, labelCands = [];
    if (map) {
      map.topics.forEach(function (t, ti) {
        t.top.forEach(function (id, r) { topLabel[id] = true; labelCands.push({id: id, topic: ti, rank: r}); });
      });
      labelCands.sort(function (a, b) { return a.rank - b.rank || a.topic - b.topic; });
    }
    var MAP_SHAPES = {1: "dot", 2: "diamond", 3: "triangle"};

    var nodeItems = data.nodes.map(function (n, i) {
      var ty = types[n.t];
      var center = n.id === data.center;
      var fill = ty.color, topic = null;
      if (map && i < map.topic.length) { topic = map.topic[i]; fill = topic >= 0 ? map.topics[topic].color : "#b8b8b8"; }
      typeCount[n.t] = (typeCount[n.t] || 0) + 1;
      if (ENTITY_TYPES[n.t] && n.n > maxSupport) { maxSupport = n.n; }
      var color = {background: fill, border: center ? "#111111" : fill,
                   highlight: {background: fill, border: "#111111"}, hover: {background: fill, border: "#111111"}};
      return {
        id: n.id, label: topLabel[n.id] ? undefined : n.l, x: data.xy[i][0], y: data.xy[i][1], size: n.s,
        shape: n.t === 0 ? "square" : (map && MAP_SHAPES[n.t]) || "dot",
        color: color,
        borderWidth: center ? 4 : 1,
        font: center ? {size: 18, bold: true} : undefined,
        title: tipElement(n.tip),
        pkType: n.t, pkSupport: n.n, pkPage: n.p || null, pkUrl: n.u || null, pkTip: n.tip, pkLabel: n.l,
        pkColor: color, pkTopic: topic
      };
    });
    var edgeItems = data.edges.map(function (e, i) {
      var r = rels[e.r];
      return {id: "e" + i, from: e.f, to: e.t, title: e.tip, color: {color: r.color, highlight: r.color, opacity: 0.75},
              pkRel: e.r, pkTip: e.tip};
    });
    Object.keys(typeCount).forEach(function (t) { typeOn[t] = true; });
    if (map) { map.hidden.forEach(function (t) { if (typeCount[t]) { typeOn[t] = false; } }); }
    rels.forEach(function (r, i) { relOn[i] = true; });

    var nodes = new vis.DataSet(nodeItems);
    var edges = new vis.DataSet(edgeItems);
    var visible = {};
    function baseVisible(n) {
      return !!typeOn[n.pkType] && (!ENTITY_TYPES[n.pkType] || n.pkSupport >= minSupport);
    }
    // on the map a node is drawn only with an edge in view: entities need a shown entity used with them
    // (or a shown paper), papers a shown entity, code a shown paper -- filters never leave isolated dots
    var adj = {};
    edgeItems.forEach(function (e) {
      (adj[e.from] = adj[e.from] || []).push(e);
      (adj[e.to] = adj[e.to] || []).push(e);
    });
    function linked(id, test) {
      var list = adj[id] || [];
      for (var i = 0; i < list.length; i++) {
        var e = list[i];
        if (relOn[e.pkRel] && test(e.from === id ? e.to : e.from)) { return true; }
      }
      return false;
    }
    function computeVisible() {
      var vis0 = {}, out = {};
      nodes.forEach(function (n) { if (baseVisible(n)) { vis0[n.id] = n; } });
      if (!map) { return vis0; }
      function kindOf(id) { var n = vis0[id]; return n ? (ENTITY_TYPES[n.pkType] ? "e" : n.pkType === 0 ? "p" : "o") : null; }
      Object.keys(vis0).forEach(function (id) {
        if (kindOf(id) === "e" && linked(id, function (o) { var k = kindOf(o); return k === "e" || k === "p"; })) {
          out[id] = true;
        }
      });
      Object.keys(vis0).forEach(function (id) {
        if (kindOf(id) === "p" && linked(id, function (o) { return !!out[o] && kindOf(o) === "e"; })) { out[id] = true; }
      });
      Object.keys(vis0).forEach(function (id) {
        if (kindOf(id) === "o" && linked(id, function (o) { return !!out[o] && kindOf(o) === "p"; })) { out[id] = true; }
      });
      return out;
    }
    var nodeView = new vis.DataView(nodes, {filter: function (n) { return !!visible[n.id]; }});
    var edgeView = new vis.DataView(edges, {filter: function (e) {
      return !!relOn[e.pkRel] && !!visible[e.from] && !!visible[e.to];
    }});
    var countLine = map ? document.getElementById("pk-count") : null;
    function refresh() {
      visible = computeVisible();
      nodeView.refresh();
      edgeView.refresh();
      root.setAttribute("data-visible-nodes", String(nodeView.length));
      root.setAttribute("data-visible-edges", String(edgeView.length));
      if (countLine) {
        countLine.querySelector(".pk-count-nodes").textContent = String(nodeView.length);
        countLine.querySelector(".pk-count-edges").textContent = String(edgeView.length);
      }
    }
    visible = computeVisible();

    var network = new vis.Network(canvas, {nodes: nodeView, edges: edgeView}, data.options);
    var highlighted = {};
    if (map) { network.on("afterDrawing", function (ctx) { drawLabels(ctx); }); }
    network.once("afterDrawing", function () {
      var ms = performance.now();
      root.setAttribute("data-first-draw-ms", ms.toFixed(0));
      body.setAttribute("data-first-draw-ms", ms.toFixed(0));
    });
    /* labels of each topic's top entities (and of search hits) at a fixed on-screen size. A label goes to the
       first of eight spots around its node that stays inside the canvas and covers neither a label already
       drawn nor another drawn node; a label that finds none is skipped (it shows when zoomed in), except a
       topic's first label and a search hit, which try two wider rings of spots and then take the spot that
       covers the fewest labels, then nodes. */
    function drawLabels(ctx) {
      var scale = network.getScale(), boxes = [], drawn = [];
      var cands = Object.keys(highlighted).sort().map(function (id) { return {id: id, topic: -1, rank: -1}; })
        .concat(labelCands);
      var ids = cands.filter(function (c) { return visible[c.id]; }).map(function (c) { return c.id; });
      var pos = network.getPositions(ids), done = {};
      var rect = canvas.getBoundingClientRect();
      var lo = network.DOMtoCanvas({x: 0, y: 0}), hi = network.DOMtoCanvas({x: rect.width, y: rect.height});
      // the drawn nodes as boxes in a grid of cells about 64 screen pixels wide
      var cell = 64 / scale, grid = {}, shownIds = nodeView.getIds(), npos = network.getPositions(shownIds);
      shownIds.forEach(function (id) {
        var p = npos[id], s = nodes.get(id).size || 5;
        if (!p) { return; }
        var b = {id: id, x1: p.x - s, x2: p.x + s, y1: p.y - s, y2: p.y + s};
        for (var gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell); gx++) {
          for (var gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell); gy++) {
            (grid[gx + "," + gy] = grid[gx + "," + gy] || []).push(b);
          }
        }
      });
      function hit(a, b) { return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2; }
      function nodesUnder(b0, own) {
        var n = 0, seen = {};
        for (var gx = Math.floor(b0.x1 / cell); gx <= Math.floor(b0.x2 / cell); gx++) {
          for (var gy = Math.floor(b0.y1 / cell); gy <= Math.floor(b0.y2 / cell); gy++) {
            (grid[gx + "," + gy] || []).forEach(function (b) {
              if (b.id !== own && !seen[b.id] && hit(b0, b)) { seen[b.id] = true; n++; }
            });
          }
        }
        return n;
      }
      var pad = 2 / scale;
      ctx.save();
      ctx.textAlign = "left";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      cands.forEach(function (c) {
        if (!visible[c.id] || done[c.id] || !pos[c.id]) { return; }
        var n = nodes.get(c.id), px = c.rank <= 0 ? 14 : 12, fs = px / scale;
        ctx.font = (c.rank <= 0 ? "bold " : "") + fs.toFixed(3) + "px sans-serif";
        var text = n.pkLabel, w = ctx.measureText(text).width, h = fs * 1.15;
        var x = pos[c.id].x, y = pos[c.id].y, r0 = n.size + 3 / scale, spots = [];
        // eight spots around the node; a topic's first label and a search hit, which are always drawn, also
        // try two rings further out (one and two label heights) before they settle for a clash
        [r0, r0 + 1.5 * h, r0 + 3 * h].slice(0, c.rank <= 0 ? 3 : 1).forEach(function (r) {
          spots.push([x - w / 2, y + r], [x - w / 2, y - r - h], [x + r, y - h / 2], [x - r - w, y - h / 2],
                     [x + r * 0.7, y + r * 0.7], [x - r * 0.7 - w, y + r * 0.7],
                     [x + r * 0.7, y - r * 0.7 - h], [x - r * 0.7 - w, y - r * 0.7 - h]);
        });
        var box = null, best = null;
        for (var k = 0; k < spots.length && !box; k++) {
          // kept inside the canvas: a label near the edge slides in
          var bx = Math.max(lo.x + pad, Math.min(spots[k][0], hi.x - pad - w));
          var by = Math.max(lo.y + pad, Math.min(spots[k][1], hi.y - pad - h));
          var b0 = {x1: bx, x2: bx + w, y1: by, y2: by + h};
          var labels = boxes.filter(function (b) { return hit(b, b0); }).length, under = nodesUnder(b0, c.id);
          if (!labels && !under) { box = b0; }
          var cost = labels * 100000 + under;
          if (!best || cost < best.cost) { best = {cost: cost, box: b0}; }
        }
        if (!box) {
          if (c.rank > 0) { return; }
          box = best.box;
        }
        ctx.lineWidth = 4 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.strokeText(text, box.x1, box.y1);
        ctx.fillStyle = c.rank < 0 ? "#b00020" : "#1d2330";
        ctx.fillText(text, box.x1, box.y1);
        boxes.push(box);
        done[c.id] = true;
        var d = network.canvasToDOM({x: box.x1, y: box.y1});
        drawn.push({id: c.id, text: text, topic: c.topic, rank: c.rank, px: px, width: w * scale,
                    height: h * scale, left: rect.left + d.x, top: rect.top + d.y});
      });
      ctx.restore();
      root.paperkgLabels = drawn;
      root.setAttribute("data-labels", String(drawn.length));
    }
    root.setAttribute("data-node-count", String(data.nodes.length));
    root.setAttribute("data-edge-count", String(data.edges.length));
    refresh();
    if (!window.paperkgNetwork) {
      window.paperkgNetwork = network;
      window.paperkgNodes = nodes;
      window.paperkgEdges = edges;
    }

    /* -- details panel (click) and navigation (double-click) */
    function pageHref(n) { return n.pkPage && linksOn ? base + n.pkPage : null; }
    function showNode(id) {
      var n = nodes.get(id);
      if (!n) { return; }
      details.textContent = "";
      var t = n.pkTip;
      details.appendChild(el("div", "pk-tip-kind", t.k));
      details.appendChild(el("h3", null, t.h));
      (t.d || []).forEach(function (line) { details.appendChild(el("div", null, line)); });
      if (t.a) { details.appendChild(el("div", null, "Also written: " + t.a)); }
      if (t.x) { details.appendChild(el("p", null, t.x)); }
      var ul = el("ul", "pk-list");
      var href = pageHref(n);
      if (href) {
        var li = el("li");
        li.appendChild(link("Open its page", href, false));
        ul.appendChild(li);
      }
      (t.u || []).forEach(function (p) {
        var u = httpUrl(p[1]);
        if (!u) { return; }
        var li2 = el("li", null, p[0] + ": ");
        li2.appendChild(link(u, u, true));
        ul.appendChild(li2);
      });
      if (ul.childNodes.length) { details.appendChild(ul); }
    }
    function showEdge(id) {
      var e = edges.get(id);
      if (!e) { return; }
      details.textContent = "";
      details.appendChild(el("div", "pk-tip-kind", "Edge"));
      details.appendChild(el("h3", null, (nodes.get(e.from) || {}).label + " \u2192 " + (nodes.get(e.to) || {}).label));
      details.appendChild(el("p", null, e.pkTip));
    }
    network.on("click", function (p) {
      if (p.nodes.length) { showNode(p.nodes[0]); } else if (p.edges.length) { showEdge(p.edges[0]); }
    });
    network.on("doubleClick", function (p) {
      if (!p.nodes.length) { return; }
      var n = nodes.get(p.nodes[0]);
      var href = n && pageHref(n);
      if (href) { window.location.href = href; }
    });

    /* -- controls: type and relation checkboxes (they are the legend), min support, find */
    var typeBox = el("fieldset");
    typeBox.appendChild(el("legend", null, "Nodes"));
    types.forEach(function (ty, i) {
      if (!typeCount[i]) { return; }
      var label = el("label");
      var cb = el("input");
      cb.type = "checkbox"; cb.checked = !!typeOn[i]; cb.id = "pk-type-" + i; cb.setAttribute("data-type", ty.name);
      cb.addEventListener("change", function () { typeOn[i] = cb.checked; refresh(); });
      var sw = el("span", "pk-swatch"); sw.style.background = ty.color;
      if (map && (MAP_SHAPES[i] || i === 0)) {  // on the map colour is the topic: the legend shows the shape
        sw = el("span", "pk-shape", {0: "\u25a0", 1: "\u25cf", 2: "\u25c6", 3: "\u25b2"}[i]);
      }
      label.appendChild(cb); label.appendChild(sw);
      label.appendChild(document.createTextNode(ty.name + " (" + typeCount[i] + ")"));
      typeBox.appendChild(label);
    });
    controls.appendChild(typeBox);
    if (rels.length) {
      var relBox = el("fieldset");
      relBox.appendChild(el("legend", null, "Edges"));
      rels.forEach(function (r, i) {
        var label = el("label");
        var cb = el("input");
        cb.type = "checkbox"; cb.checked = true; cb.id = "pk-rel-" + i; cb.setAttribute("data-relation", r.name);
        cb.addEventListener("change", function () { relOn[i] = cb.checked; refresh(); });
        var sw = el("span", "pk-swatch"); sw.style.background = r.color; sw.style.borderRadius = "0";
        sw.style.height = "4px";
        label.appendChild(cb); label.appendChild(sw); label.appendChild(document.createTextNode(r.name));
        relBox.appendChild(label);
      });
      controls.appendChild(relBox);
    }
    var supBox = el("fieldset");
    supBox.appendChild(el("legend", null, "Min. support"));
    var range = el("input"), num = el("input");
    range.type = "range"; num.type = "number";
    [range, num].forEach(function (inp) { inp.min = "0"; inp.max = String(maxSupport); inp.value = "0"; inp.step = "1"; });
    range.className = "pk-min-support-range"; num.className = "pk-min-support";
    range.title = num.title = "Hide methods, datasets and benchmarks mentioned by fewer papers";
    function setMin(v) {
      v = Math.max(0, parseInt(v, 10) || 0);
      minSupport = v; range.value = String(v); num.value = String(v); refresh();
    }
    range.addEventListener("input", function () { setMin(range.value); });
    num.addEventListener("change", function () { setMin(num.value); });
    supBox.appendChild(range); supBox.appendChild(num);
    controls.appendChild(supBox);

    var find = el("div", "pk-find");
    var input = el("input"), results = el("ul", "pk-results");
    input.type = "search"; input.placeholder = "Find a node\u2026"; input.className = "pk-find-input";
    input.setAttribute("aria-label", "Find a node");
    find.appendChild(input); find.appendChild(results);
    controls.appendChild(find);

    function focusNode(id) {
      var n = nodes.get(id);
      if (!n) { return; }
      if (!typeOn[n.pkType]) {
        typeOn[n.pkType] = true;
        var cb = document.getElementById("pk-type-" + n.pkType);
        if (cb) { cb.checked = true; }
      }
      if (ENTITY_TYPES[n.pkType] && n.pkSupport < minSupport) { setMin(n.pkSupport); } else { refresh(); }
      if (!visible[id]) { setMin(0); }
      network.selectNodes([id]);
      network.focus(id, {scale: 1.4, animation: false});
      showNode(id);
      results.textContent = "";
      root.setAttribute("data-focused", id);
    }
    function highlight(ids) {
      var updates = [];
      Object.keys(highlighted).forEach(function (id) {
        if (!ids[id]) { var n = nodes.get(id); updates.push({id: id, borderWidth: n.id === data.center ? 4 : 1, color: n.pkColor}); }
      });
      Object.keys(ids).forEach(function (id) {
        if (highlighted[id]) { return; }
        var c = nodes.get(id).pkColor;
        updates.push({id: id, borderWidth: 5, color: {background: c.background, border: "#b00020",
                                                     highlight: c.highlight, hover: c.hover}});
      });
      highlighted = ids;
      if (updates.length) { nodes.update(updates); }
      root.setAttribute("data-highlighted", String(Object.keys(ids).length));
    }
    function runFind() {
      var terms = queryTerms(input.value);
      results.textContent = "";
      var hits = {}, nhits = 0;
      if (terms.length) {
        nodes.forEach(function (n) {
          if (nhits < 200 && matches(n.pkTip.h + " " + (n.pkTip.a || "") + " " + n.pkLabel, terms)) { hits[n.id] = true; nhits++; }
        });
      }
      highlight(hits);
      if (!terms.length) { return; }
      var shown = 0, seen = {};
      nodes.forEach(function (n) {
        if (shown >= 12) { return; }
        if (!hits[n.id]) { return; }
        var li = el("li"), b = el("button", null, n.pkTip.h);
        b.type = "button";
        b.addEventListener("click", function () { focusNode(n.id); });
        li.appendChild(b); li.appendChild(el("span", "pk-type", types[n.pkType].name));
        results.appendChild(li);
        seen[n.pkPage] = true;
        shown++;
      });
      // nodes left out of the drawing can still be opened through their page
      var rows = linksOn ? (window.PAPERKG_SEARCH || []) : [];
      for (var i = 0; i < rows.length && shown < 12; i++) {
        var r = rows[i];
        if (seen[r[2]] || !matches(r[0] + " " + r[3], terms)) { continue; }
        var li = el("li");
        li.appendChild(link(r[0], base + r[2], false));
        li.appendChild(el("span", "pk-type", "not drawn \u2013 open page"));
        results.appendChild(li);
        shown++;
      }
      if (!shown) { results.appendChild(el("li", "pk-muted", "No match.")); }
    }
    input.addEventListener("input", runFind);
    input.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") { return; }
      var first = results.querySelector("button, a");
      if (first) { first.click(); }
    });
    root.paperkg = {network: network, nodes: nodes, edges: edges, focus: focusNode, setMinSupport: setMin,
                    visible: function () { return Object.keys(visible).filter(function (id) { return visible[id]; }); }};
  }

  /* ---------------------------------------------------------- sortable, filterable tables */

  function initTable(table) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var heads = table.tHead.rows[0].cells;
    var state = {col: -1, dir: 1};
    function key(row, col, kind) {
      var cell = row.cells[col];
      var v = cell.getAttribute("data-value");
      if (v === null) { v = cell.textContent; }
      return kind === "num" ? parseFloat(v) || 0 : v.toLowerCase();
    }
    Array.prototype.forEach.call(heads, function (th, col) {
      var kind = th.getAttribute("data-sort");
      if (!kind) { return; }
      th.tabIndex = 0;
      th.classList.add("pk-sort");
      function sort() {
        state.dir = state.col === col ? -state.dir : (kind === "num" || col === 1 ? -1 : 1);
        state.col = col;
        var order = rows.map(function (r, i) { return [key(r, col, kind), i]; });
        order.sort(function (a, b) { return (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) * state.dir || a[1] - b[1]; });
        var frag = document.createDocumentFragment();
        order.forEach(function (o) { frag.appendChild(rows[o[1]]); });
        tbody.appendChild(frag);
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { sort(); } });
    });
    var tools = document.querySelector('.pk-table-tools[data-table="' + table.id + '"]');
    if (!tools) { return; }
    var filter = tools.querySelector(".pk-table-filter"), code = tools.querySelector(".pk-table-code");
    var count = tools.querySelector(".pk-table-count");
    function apply() {
      var terms = queryTerms(filter.value), shown = 0;
      rows.forEach(function (r, i) {
        var ok = (!code || !code.checked || r.getAttribute("data-code") === "1");
        for (var t = 0; ok && t < terms.length; t++) { ok = texts[i].indexOf(terms[t]) >= 0; }
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      if (count) { count.textContent = shown + " shown"; }
    }
    filter.addEventListener("input", apply);
    if (code) { code.addEventListener("change", apply); }
  }
  var tables = document.querySelectorAll("table.pk-sortable[id]");
  for (var ti = 0; ti < tables.length; ti++) { initTable(tables[ti]); }

  var site = document.getElementById("pk-site-search");
  if (site) { initSiteSearch(site, document.getElementById("pk-site-results")); }
  var graphs = document.querySelectorAll(".pk-graph[data-graph]");
  for (var i = 0; i < graphs.length; i++) { initGraph(graphs[i]); }
}());
