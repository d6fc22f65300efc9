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

  /* ---------------------------------------------------------- graph */

  function initGraph(root) {
    var script = document.getElementById(root.getAttribute("data-graph"));
    if (!script || typeof vis === "undefined") { return; }
    var data = JSON.parse(script.textContent);
    var types = data.types, rels = data.relations;
    var canvas = root.querySelector(".pk-canvas");
    var details = root.querySelector(".pk-details");
    var controls = root.querySelector(".pk-controls");
    var typeOn = {}, relOn = {}, minSupport = 0, maxSupport = 0, typeCount = {};

    var nodeItems = data.nodes.map(function (n, i) {
      var ty = types[n.t];
      var center = n.id === data.center;
      typeCount[n.t] = (typeCount[n.t] || 0) + 1;
      if (ENTITY_TYPES[n.t] && n.n > maxSupport) { maxSupport = n.n; }
      return {
        id: n.id, label: n.l, x: data.xy[i][0], y: data.xy[i][1], size: n.s,
        shape: n.t === 0 ? "square" : "dot",
        color: {background: ty.color, border: center ? "#111111" : ty.color,
                highlight: {background: ty.color, border: "#111111"},
                hover: {background: ty.color, border: "#111111"}},
        borderWidth: center ? 4 : 1,
        font: center ? {size: 18, bold: true} : undefined,
        title: tipElement(n.tip),
        pkType: n.t, pkSupport: n.n, pkPage: n.p || null, pkUrl: n.u || null, pkTip: n.tip
      };
    });
    var edgeItems = data.edges.map(function (e, i) {
      var r = rels[e.r];
      return {id: "e" + i, from: e.f, to: e.t, title: e.tip, color: {color: r.color, highlight: r.color, opacity: 0.75},
              pkRel: e.r, pkTip: e.tip};
    });
    Object.keys(typeCount).forEach(function (t) { typeOn[t] = true; });
    rels.forEach(function (r, i) { relOn[i] = true; });

    var nodes = new vis.DataSet(nodeItems);
    var edges = new vis.DataSet(edgeItems);
    var visible = {};
    function nodeVisible(n) {
      return !!typeOn[n.pkType] && (!ENTITY_TYPES[n.pkType] || n.pkSupport >= minSupport);
    }
    var nodeView = new vis.DataView(nodes, {filter: nodeVisible});
    var edgeView = new vis.DataView(edges, {filter: function (e) {
      return !!relOn[e.pkRel] && !!visible[e.from] && !!visible[e.to];
    }});
    function refresh() {
      visible = {};
      nodes.forEach(function (n) { if (nodeVisible(n)) { visible[n.id] = true; } });
      nodeView.refresh();
      edgeView.refresh();
      root.setAttribute("data-visible-nodes", String(nodeView.length));
      root.setAttribute("data-visible-edges", String(edgeView.length));
    }
    nodes.forEach(function (n) { visible[n.id] = true; });

    var network = new vis.Network(canvas, {nodes: nodeView, edges: edgeView}, data.options);
    network.once("afterDrawing", function () {
      var ms = performance.now();
      root.setAttribute("data-first-draw-ms", ms.toFixed(0));
      body.setAttribute("data-first-draw-ms", ms.toFixed(0));
    });
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
      cb.type = "checkbox"; cb.checked = true; cb.id = "pk-type-" + i; cb.setAttribute("data-type", ty.name);
      cb.addEventListener("change", function () { typeOn[i] = cb.checked; refresh(); });
      var sw = el("span", "pk-swatch"); sw.style.background = ty.color;
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
      network.selectNodes([id]);
      network.focus(id, {scale: 1.4, animation: false});
      showNode(id);
      results.textContent = "";
      root.setAttribute("data-focused", id);
    }
    function runFind() {
      var terms = queryTerms(input.value);
      results.textContent = "";
      if (!terms.length) { return; }
      var shown = 0, seen = {};
      nodes.forEach(function (n) {
        if (shown >= 12) { return; }
        if (!matches(n.pkTip.h + " " + (n.pkTip.a || "") + " " + n.label, terms)) { return; }
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
    root.paperkg = {network: network, nodes: nodes, edges: edges, focus: focusNode, setMinSupport: setMin};
  }

  var site = document.getElementById("pk-site-search");
  if (site) { initSiteSearch(site, document.getElementById("pk-site-results")); }
  var graphs = document.querySelectorAll(".pk-graph[data-graph]");
  for (var i = 0; i < graphs.length; i++) { initGraph(graphs[i]); }
}());
