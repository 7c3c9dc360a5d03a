// kgload's network view: a small force-directed drawing in SVG, written for this page.
// Reads the nodes and edges the server put in <script id="network-data">, lays them out with
// springs (edges), repulsion (every pair) and a pull to the centre, then lets the reader drag
// nodes and click one to open its timeline. No library, nothing fetched.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COLORS = {
    Meeting: "#1f5fbf", PhoneCall: "#2a9d8f", Visit: "#6a4c93", Agreement: "#3a7d20",
    Support: "#8ab17d", MilitaryAid: "#e76f51", TroopDeployment: "#b5651d",
    Sanction: "#9c2f2f", Attack: "#d62828", Condemnation: "#f4a261"
  };

  var svg = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!svg || !source) { return; }
  var data = JSON.parse(source.textContent);
  var width = 960, height = 620;
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  if (!data.nodes.length) {
    var empty = el("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, svg);
    empty.textContent = "No events match these filters.";
    return;
  }

  // Nodes start on a circle (deterministic: the same data draws the same picture).
  var byId = {};
  var nodes = data.nodes.map(function (n, i) {
    var angle = 2 * Math.PI * i / data.nodes.length;
    var r = Math.min(width, height) * 0.35;
    var node = { id: n.id, label: n.label, events: n.events,
      x: width / 2 + r * Math.cos(angle), y: height / 2 + r * Math.sin(angle),
      vx: 0, vy: 0, fixed: false };
    byId[n.id] = node;
    return node;
  });
  var edges = data.edges.filter(function (e) {
    return byId[e.source] && byId[e.target];
  }).map(function (e) {
    return { a: byId[e.source], b: byId[e.target], type: e.type, events: e.events,
      first: e.first, last: e.last };
  });

  // Several event types between the same pair are drawn side by side, slightly apart.
  var lanes = {};
  edges.forEach(function (e) {
    var key = e.a.id + "|" + e.b.id;
    e.lane = lanes[key] = (lanes[key] === undefined ? 0 : lanes[key] + 1);
  });

  var edgeLayer = el("g", { "class": "edges" }, svg);
  var nodeLayer = el("g", { "class": "nodes" }, svg);
  edges.forEach(function (e) {
    e.line = el("line", { stroke: COLORS[e.type] || "#888",
      "stroke-width": Math.min(1.5 + e.events, 8) }, edgeLayer);
    var title = el("title", {}, e.line);
    title.textContent = e.a.label + " – " + e.b.label + ": " + e.events + " " + e.type +
      (e.first ? " (" + e.first + (e.last && e.last !== e.first ? " to " + e.last : "") + ")" : "");
  });
  nodes.forEach(function (n) {
    n.g = el("g", { "class": "node", "data-id": n.id }, nodeLayer);
    n.radius = Math.min(5 + 2.2 * Math.sqrt(n.events), 18);
    el("circle", { r: n.radius }, n.g);
    var label = el("text", { x: n.radius + 3, y: 4 }, n.g);
    label.textContent = n.label;
    var title = el("title", {}, n.g);
    title.textContent = n.label + " (" + n.id + "): " + n.events + " events";
  });

  // One step of the simulation; `heat` shrinks so the layout settles.
  function step(heat) {
    var i, j, a, b, dx, dy, d2, d, f;
    for (i = 0; i < nodes.length; i++) {
      a = nodes[i];
      for (j = i + 1; j < nodes.length; j++) {
        b = nodes[j];
        dx = a.x - b.x; dy = a.y - b.y;
        d2 = dx * dx + dy * dy || 0.01;
        f = 5000 / d2;
        d = Math.sqrt(d2);
        a.vx += f * dx / d; a.vy += f * dy / d;
        b.vx -= f * dx / d; b.vy -= f * dy / d;
      }
      a.vx += (width / 2 - a.x) * 0.006;
      a.vy += (height / 2 - a.y) * 0.008;
    }
    edges.forEach(function (e) {
      dx = e.b.x - e.a.x; dy = e.b.y - e.a.y;
      d = Math.sqrt(dx * dx + dy * dy) || 0.1;
      f = (d - 130) * 0.02;
      e.a.vx += f * dx / d; e.a.vy += f * dy / d;
      e.b.vx -= f * dx / d; e.b.vy -= f * dy / d;
    });
    nodes.forEach(function (n) {
      if (n.fixed) { n.vx = n.vy = 0; return; }
      var speed = Math.sqrt(n.vx * n.vx + n.vy * n.vy);
      var cap = 30 * heat;
      if (speed > cap) { n.vx *= cap / speed; n.vy *= cap / speed; }
      n.x = Math.max(20, Math.min(width - 20, n.x + n.vx));
      n.y = Math.max(20, Math.min(height - 20, n.y + n.vy));
      n.vx *= 0.5; n.vy *= 0.5;
    });
  }

  function draw() {
    edges.forEach(function (e) {
      var dx = e.b.x - e.a.x, dy = e.b.y - e.a.y;
      var d = Math.sqrt(dx * dx + dy * dy) || 1;
      var shift = e.lane * 4;
      var ox = -dy / d * shift, oy = dx / d * shift;
      e.line.setAttribute("x1", e.a.x + ox); e.line.setAttribute("y1", e.a.y + oy);
      e.line.setAttribute("x2", e.b.x + ox); e.line.setAttribute("y2", e.b.y + oy);
    });
    nodes.forEach(function (n) {
      n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
    });
  }

  // Settle most of the way before the first paint, then animate the rest.
  var heat = 1, k;
  for (k = 0; k < 250; k++) { step(heat); heat *= 0.985; }
  draw();
  svg.setAttribute("data-ready", "1");
  function animate() {
    if (heat < 0.02) { return; }
    step(heat); heat *= 0.97; draw();
    window.requestAnimationFrame(animate);
  }
  window.requestAnimationFrame(animate);

  // Dragging moves a node (it stays where dropped); a click without a drag opens the timeline.
  function point(event) {
    var box = svg.getBoundingClientRect();
    return { x: (event.clientX - box.left) * width / box.width,
      y: (event.clientY - box.top) * height / box.height };
  }
  var dragged = null, moved = false;
  nodes.forEach(function (n) {
    n.g.addEventListener("pointerdown", function (event) {
      dragged = n; moved = false; n.fixed = true;
      svg.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
  });
  svg.addEventListener("pointermove", function (event) {
    if (!dragged) { return; }
    var p = point(event);
    dragged.x = p.x; dragged.y = p.y; moved = true;
    if (heat < 0.2) { heat = 0.2; window.requestAnimationFrame(animate); }
    draw();
  });
  svg.addEventListener("pointerup", function () {
    if (dragged && !moved) {
      window.location.href = "/actor?id=" + encodeURIComponent(dragged.id);
    }
    dragged = null;
  });

  var legend = document.getElementById("legend");
  if (legend) {
    var seen = {};
    edges.forEach(function (e) { seen[e.type] = true; });
    Object.keys(seen).sort().forEach(function (type) {
      var item = document.createElement("span");
      var swatch = document.createElement("i");
      swatch.style.background = COLORS[type] || "#888";
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(type));
      legend.appendChild(item);
    });
  }
}());
