(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("newsgraph-data").textContent);
  var nodes = data.nodes;
  var edges = data.edges;
  var FONT = getComputedStyle(document.body).fontFamily;
  var TYPES = {
    Organisation: { color: "#2563eb", shape: "dot", name: "Organisation" },
    Person: { color: "#ea580c", shape: "diamond", name: "Person" },
    Country: { color: "#059669", shape: "triangle", name: "Country" },
    Policy: { color: "#7c3aed", shape: "hexagon", name: "Policy" },
    Article: { color: "#64748b", shape: "square", name: "Article" },
    Entity: { color: "#94a3b8", shape: "dot", name: "Other" }
  };
  var TYPE_ORDER = ["Organisation", "Person", "Country", "Policy", "Article", "Entity"];
  var RELATIONS = data.relations;
  var MENTIONS = "mentions";
  var MENTIONS_STYLE = { color: "#cbd5e1", dashes: [3, 3], arrow: false, name: MENTIONS, family: -1 };
  var CORE_VIEW = 400;
  var LABEL_FONT = data.labelFont;
  var LABEL_HEIGHT = data.labelHeight;
  var EDGE_LABEL_FONT = 11;
  var EDGE_LABEL_SCALE = 0.8;  // edge names are drawn from this zoom on
  var MAX_LABELS = 400;
  // what the search prefers among equally good matches, most important first
  var TYPE_IMPORTANCE = ["Person", "Organisation", "Country", "Entity", "Policy", "Article"];
  // served by `newsgraph serve`, the page may ask its SPARQL endpoint for more of the graph
  var endpointMeta = document.querySelector('meta[name="newsgraph-sparql"]');
  var ENDPOINT = endpointMeta ? endpointMeta.getAttribute("content") : null;
  var NEIGHBOURS = 200;  // relations fetched at most per expanded node
  var NG = "https://w3id.org/newsgraph/ontology#";

  var state = {
    types: {},
    predicates: {},
    from: "",
    to: "",
    limit: data.limit,
    unconnected: false,
    whatsNew: false,
    pinned: {}
  };
  var nodeVisible = new Array(nodes.length).fill(false);
  var edgeVisible = new Array(edges.length).fill(false);
  var counts = { nodes: 0, edges: 0 };
  var incident = nodes.map(function () { return []; });
  edges.forEach(function (edge, i) {
    incident[edge.from].push(i);
    if (edge.to !== edge.from) incident[edge.to].push(i);
  });

  function byId(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function safeUrl(url) {
    if (typeof url !== "string" || !/^https?:\/\/[^\s\/?#]+/i.test(url)) return null;
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function link(url, text) {
    var href = safeUrl(url);
    if (!href) return el("span", "", text);
    var anchor = el("a", "", text);
    anchor.href = href;
    anchor.target = "_blank";
    anchor.rel = "noopener noreferrer nofollow";
    return anchor;
  }

  function shorten(text, length) {
    return text.length > length ? text.slice(0, length - 1).trimEnd() + "\u2026" : text;
  }

  function relationStyle(type) { return type === MENTIONS ? MENTIONS_STYLE : RELATIONS[type]; }

  function edgeName(edge) { return relationStyle(edge.type).name; }

  // the title, else what the build named it by (its first sentence), never its file
  function articleTitle(node) { return node.title || node.label || "Untitled article"; }

  function nodeName(node) { return node.type === "Article" ? articleTitle(node) : node.label; }

  // Filters

  function inRange(date) {
    if (!state.from && !state.to) return true;
    if (!date) return false;
    return (!state.from || date >= state.from) && (!state.to || date <= state.to);
  }

  function dateFiltered() { return Boolean(state.from || state.to); }

  function nodeInDates(node) {
    if (!dateFiltered()) return true;
    if (node.type === "Article") return inRange(node.date);
    return node.articles.some(function (a) { return inRange(nodes[a].date); });
  }

  function edgeInDates(edge) {
    if (!dateFiltered()) return true;
    if (edge.type === MENTIONS) return inRange(nodes[edge.from].date);
    var first = edge.first || edge.last;
    var last = edge.last || edge.first;
    if (first) return (!state.to || first <= state.to) && (!state.from || last >= state.from);
    return edge.evidence.some(function (e) { return e.article !== null && inRange(nodes[e.article].date); });
  }

  function computeVisibility() {
    var allowed = nodes.map(function (node, i) {
      if (state.pinned[i]) return true;
      if (!node.linked && node.type !== "Article" && !state.unconnected) return false;
      return state.types[node.type] && node.rank < state.limit && nodeInDates(node);
    });
    var hasEdge = new Array(nodes.length).fill(false);
    counts.edges = 0;
    edges.forEach(function (edge, i) {
      var shown = Boolean(state.predicates[edge.type]) && allowed[edge.from] && allowed[edge.to] &&
        edgeInDates(edge);
      edgeVisible[i] = shown;
      if (shown) {
        hasEdge[edge.from] = hasEdge[edge.to] = true;
        counts.edges += 1;
      }
    });
    counts.nodes = 0;
    nodes.forEach(function (node, i) {
      var shown = allowed[i] && (node.type !== "Article" || hasEdge[i] || Boolean(state.pinned[i]));
      nodeVisible[i] = shown;
      if (shown) counts.nodes += 1;
    });
    edges.forEach(function (edge, i) {
      if (edgeVisible[i] && !(nodeVisible[edge.from] && nodeVisible[edge.to])) {
        edgeVisible[i] = false;
        counts.edges -= 1;
      }
    });
  }

  // Network items

  // labels are drawn by the page itself (drawLabels), not by the network
  function nodeItem(node, i) {
    return { id: i, x: node.x, y: node.y, group: node.type, size: node.size };
  }

  function edgeItem(edge, i) {
    var style = relationStyle(edge.type);
    var item = {
      id: i,
      from: edge.from,
      to: edge.to,
      color: { color: style.color, highlight: "#0f172a", hover: "#334155" },
      dashes: style.dashes,
      arrows: { to: { enabled: style.arrow, scaleFactor: 0.55 } },
      smooth: false
    };
    if (edge.type === MENTIONS) item.width = 0.6;
    if (edge.curve) {
      item.smooth = {
        enabled: true,
        type: edge.curve > 0 ? "curvedCW" : "curvedCCW",
        roundness: Math.abs(edge.curve)
      };
    }
    return item;
  }

  function groups() {
    var result = {};
    Object.keys(TYPES).forEach(function (type) {
      var color = TYPES[type].color;
      result[type] = {
        shape: TYPES[type].shape,
        color: {
          background: color,
          border: "#ffffff",
          highlight: { background: color, border: "#0f172a" },
          hover: { background: color, border: "#0f172a" }
        }
      };
    });
    return result;
  }

  // Side panel

  var panel = byId("ng-panel");
  var panelBody = byId("ng-panel-body");

  function openPanel(children) {
    panelBody.replaceChildren.apply(panelBody, children);
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function badge(type) {
    var info = TYPES[type] || TYPES.Entity;
    var element = el("span", "ng-badge", type === "Relation" ? "Relation" : info.name);
    element.style.background = type === "Relation" ? "#334155" : info.color;
    return element;
  }

  function itemButton(text, onClick) {
    var button = el("button", "ng-item-button", text);
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  function nodeButton(i) {
    return itemButton(nodeName(nodes[i]), function () { select(i, true); });
  }

  function articleMeta(article) {
    return [article.date, article.publisher].filter(Boolean).join(" \u00b7 ");
  }

  function articleEntry(a) {
    var article = nodes[a];
    var li = el("li");
    li.appendChild(link(article.link, articleTitle(article)));
    var meta = el("div", "ng-meta", articleMeta(article));
    meta.appendChild(itemButton("details", function () { select(a, true); }));
    li.appendChild(meta);
    return li;
  }

  function relationEntry(e, from) {
    var edge = edges[e];
    var li = el("li");
    var other = edge.from === from ? edge.to : edge.from;
    var text = edge.from === from
      ? edgeName(edge) + " \u2192 " + nodeName(nodes[other])
      : "\u2190 " + edgeName(edge) + " \u00b7 " + nodeName(nodes[other]);
    li.appendChild(itemButton(text, function () { showEdge(e, true); }));
    if (edge.count) li.appendChild(el("div", "ng-meta", plural(edge.count, "article")));
    return li;
  }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function section(title, items) {
    var parts = [el("h3", "", title)];
    var list = el("ul", "ng-list");
    items.forEach(function (item) { list.appendChild(item); });
    parts.push(list);
    return parts;
  }

  function showNode(i) {
    var node = nodes[i];
    var parts = [badge(node.type), el("h2", "", nodeName(node))];
    if (ENDPOINT) {
      var more = el("p");
      more.appendChild(itemButton(node.expanded ? "Relations fetched from the graph" :
        "Fetch its relations from the graph", function () { expand(i); }));
      more.appendChild(el("span", "ng-meta ng-after", "or double-click the node"));
      more.id = "ng-expand";
      parts.push(more);
    }
    var relations = incident[i].filter(function (e) { return edges[e].type !== MENTIONS; });
    if (node.type === "Article") {
      var meta = articleMeta(node);
      if (meta) parts.push(el("p", "ng-meta", meta));
      if (node.authors.length) parts.push(el("p", "", "By " + node.authors.join(", ")));
      if (safeUrl(node.link)) {
        var open = el("p");
        open.appendChild(link(node.link, "Open article \u2197"));
        parts.push(open);
      }
      if (node.source) {
        var source = el("p", "ng-meta", "Source: ");
        source.appendChild(link(node.sourceLink, node.source));
        parts.push(source);
      }
      var mentioned = incident[i].filter(function (e) { return edges[e].type === MENTIONS; })
        .map(function (e) { return edges[e].from === i ? edges[e].to : edges[e].from; });
      if (mentioned.length) {
        parts = parts.concat(section("Mentions (" + mentioned.length + ")", mentioned.map(function (n) {
          var li = el("li");
          li.appendChild(nodeButton(n));
          li.appendChild(el("span", "ng-meta ng-after", (TYPES[nodes[n].type] || TYPES.Entity).name));
          return li;
        })));
      }
    } else {
      if (node.kind) parts.push(el("p", "ng-meta", node.kind.replace(/([a-z])([A-Z])/g, "$1 $2")));
      if (node.aliases.length) {
        parts.push(el("h3", "", "Also known as"));
        var aliases = el("p");
        node.aliases.forEach(function (alias) { aliases.appendChild(el("span", "ng-chip", alias)); });
        parts.push(aliases);
      }
    }
    if (relations.length) {
      parts = parts.concat(section("Relations (" + relations.length + ")", relations.map(function (e) {
        return relationEntry(e, i);
      })));
    }
    if (node.type !== "Article") {
      var articles = node.articles.slice().sort(function (a, b) {
        var da = nodes[a].date || "", db = nodes[b].date || "";
        return da === db ? a - b : (da < db ? 1 : -1);
      });
      parts = parts.concat(section("Articles (" + articles.length + ")", articles.map(articleEntry)));
    }
    openPanel(parts);
  }

  function moveText(edge, percent) {
    var up = edge.type === "rose-on-news" ? true : edge.type === "fell-on-news" ? false : percent >= 0;
    var span = el("span", "ng-move " + (up ? "up" : "down"),
      (up ? "\u25b2 " : "\u25bc ") + Math.abs(percent).toLocaleString("en", { maximumFractionDigits: 2 }) + "%");
    return span;
  }

  function showEdge(e, focus) {
    var edge = edges[e];
    var title = el("h2");
    title.appendChild(nodeButton(edge.from));
    title.appendChild(el("span", "ng-predicate", edgeName(edge) + " \u2192"));
    title.appendChild(nodeButton(edge.to));
    var parts = [badge("Relation"), title, el("p", "ng-meta", "Predicate: " + edge.predicate)];
    var seen = [];
    if (edge.count) seen.push(plural(edge.count, "article"));
    if (edge.first) seen.push(edge.first === edge.last || !edge.last ? edge.first : edge.first + " \u2013 " + edge.last);
    if (seen.length) parts.push(el("p", "ng-meta", "Seen in " + seen.join(", ")));
    if (edge.fetched) {
      parts.push(el("p", "ng-meta", "Fetched from the graph: the sentences behind it are in its " +
        "ng:Assertion (the evidence query shows them)."));
    }
    parts = parts.concat(section("Evidence (" + edge.evidence.length + ")", edge.evidence.map(function (item) {
      var li = el("li");
      if (item.percent !== null) {
        var move = el("p");
        move.appendChild(moveText(edge, item.percent));
        if (item.market) move.appendChild(el("span", "ng-meta ng-after", item.market));
        li.appendChild(move);
      }
      li.appendChild(el("blockquote", "", item.sentence));
      if (item.title) li.appendChild(el("p", "ng-meta", "The article's title"));
      if (item.article !== null) {
        var article = nodes[item.article];
        var source = el("div");
        source.appendChild(link(article.link, articleTitle(article)));
        var meta = el("div", "ng-meta", articleMeta(article));
        meta.appendChild(itemButton("details", function () { select(item.article, true); }));
        source.appendChild(meta);
        li.appendChild(source);
      }
      if (item.rule) li.appendChild(el("div", "ng-meta", "Rule: " + item.rule));
      return li;
    })));
    openPanel(parts);
    if (focus && edgeVisible[e]) network.selectEdges([e]);
  }

  // Search

  var searchInput = byId("ng-search");
  var results = byId("ng-results");

  // how well a name matches: 0 the whole name, 1 a whole word or words of it from the start
  // of a word, 2 the start of a word, 3 anywhere; -1 not at all
  function matchLevel(name, q) {
    var lower = name.toLowerCase();
    if (lower === q) return 0;
    var at = lower.indexOf(q);
    if (at < 0) return -1;
    var words = /[^\p{L}\p{N}]/u;
    var starts = false, whole = false;
    for (; at >= 0; at = lower.indexOf(q, at + 1)) {
      if (at > 0 && !words.test(lower[at - 1])) continue;
      starts = true;
      if (at + q.length === lower.length || words.test(lower[at + q.length])) whole = true;
    }
    return whole ? 1 : starts ? 2 : 3;
  }

  // ranked by the exact name, then an exact alias, then how well the name or an alias
  // matches (the name first), then the type's importance, then the node's connections
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    nodes.forEach(function (node, i) {
      var level = matchLevel(nodeName(node), q);
      var score = level < 0 ? -1 : level * 2;
      var alias = null;
      (node.aliases || []).forEach(function (a) {
        var m = matchLevel(a, q);
        if (m < 0) return;
        var s = m === 0 ? 1 : m * 2 + 1;
        if (score < 0 || s < score) { score = s; alias = a; }
      });
      if (score < 0) return;
      found.push({ index: i, score: score, alias: alias });
    });
    function importance(i) {
      var at = TYPE_IMPORTANCE.indexOf(nodes[i].type);
      return at < 0 ? TYPE_IMPORTANCE.length : at;
    }
    found.sort(function (a, b) {
      return a.score - b.score || importance(a.index) - importance(b.index) ||
        nodes[a.index].rank - nodes[b.index].rank;
    });
    return found.slice(0, 20);
  }

  function showResults() {
    var found = search(searchInput.value);
    results.replaceChildren();
    found.forEach(function (hit) {
      var node = nodes[hit.index];
      var li = el("li");
      var button = el("button");
      button.type = "button";
      button.appendChild(el("span", "", shorten(nodeName(node), 60)));
      var hint = (TYPES[node.type] || TYPES.Entity).name + (hit.alias ? " \u00b7 " + hit.alias : "");
      button.appendChild(el("span", "ng-hint", hint));
      button.addEventListener("click", function () {
        results.hidden = true;
        select(hit.index, true);
      });
      li.appendChild(button);
      results.appendChild(li);
    });
    if (!found.length && searchInput.value.trim()) {
      results.appendChild(el("li", "ng-hint", "No match")).style.padding = "6px 10px";
    }
    results.hidden = !searchInput.value.trim();
  }

  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = results.querySelector("button");
      if (first) first.click();
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".ng-search")) results.hidden = true;
  });

  // Controls

  function swatch(color, shape, dashes) {
    var element = el("span", "ng-swatch " + shape);
    if (shape === "line") {
      element.style.borderTopColor = color;
      element.style.borderTopStyle = !dashes ? "solid" : dashes[0] > 3 ? "dashed" : "dotted";
    } else {
      element.style.background = color;
    }
    element.style.color = color;
    return element;
  }

  function checkbox(list, checked, color, shape, text, count, onChange, dashes) {
    var li = el("li");
    var label = el("label");
    var input = el("input");
    input.type = "checkbox";
    input.checked = checked;
    input.addEventListener("change", function () { onChange(input.checked); });
    label.appendChild(input);
    label.appendChild(swatch(color, shape, dashes));
    label.appendChild(el("span", "", text));
    label.appendChild(el("span", "ng-n", count.toLocaleString("en")));
    li.appendChild(label);
    list.appendChild(li);
  }

  function buildControls() {
    var typeCounts = {};
    nodes.forEach(function (node) { typeCounts[node.type] = (typeCounts[node.type] || 0) + 1; });
    TYPE_ORDER.forEach(function (type) {
      state.types[type] = true;
      if (!typeCounts[type] && type === "Entity") return;
      checkbox(byId("ng-legend"), true, TYPES[type].color, TYPES[type].shape, TYPES[type].name,
        typeCounts[type] || 0, function (on) { state.types[type] = on; refresh(); });
    });
    var unconnected = nodes.filter(function (node) { return !node.linked && node.type !== "Article"; }).length;
    if (unconnected) {
      checkbox(byId("ng-legend"), false, "#cbd5e1", "dot unconnected", "Unconnected",
        unconnected, function (on) { state.unconnected = on; refresh(); });
    }
    var predicateCounts = {};
    edges.forEach(function (edge) { predicateCounts[edge.type] = (predicateCounts[edge.type] || 0) + 1; });
    var family = -2;
    Object.keys(predicateCounts).sort(function (a, b) {
      var fa = relationStyle(a).family, fb = relationStyle(b).family;
      if (fa < 0) fa = Infinity;
      if (fb < 0) fb = Infinity;
      return fa - fb || (a < b ? -1 : a > b ? 1 : 0);
    }).forEach(function (type) {
      var style = relationStyle(type);
      if (style.family !== family) {
        byId("ng-predicates").appendChild(el("li", "ng-family", style.family < 0 ? "Articles" : style.familyName));
      }
      family = style.family;
      state.predicates[type] = type !== MENTIONS;
      checkbox(byId("ng-predicates"), state.predicates[type], style.color, "line",
        style.name, predicateCounts[type], function (on) { state.predicates[type] = on; refresh(); },
        style.dashes);
    });
    var dates = nodes.map(function (node) { return node.date; }).filter(Boolean).sort();
    var from = byId("ng-date-from");
    var to = byId("ng-date-to");
    if (dates.length) {
      from.min = to.min = dates[0];
      from.max = to.max = dates[dates.length - 1];
    }
    from.addEventListener("change", function () { state.from = from.value; syncTime(); refresh(); });
    to.addEventListener("change", function () { state.to = to.value; syncTime(); refresh(); });
    byId("ng-date-clear").addEventListener("click", function () {
      stopPlaying();
      from.value = to.value = state.from = state.to = "";
      syncTime();
      refresh();
    });
    buildTime();
    buildWhatsNew();
    byId("ng-more").addEventListener("click", function () {
      state.limit += data.limit;
      refresh();
    });
    byId("ng-panel-close").addEventListener("click", function () {
      panel.hidden = true;
      network.unselectAll();
    });
    byId("ng-title").textContent = data.title;
  }

  // The time slider: the graph up to a date; Play steps it forward, one date at a time.
  var timeDates = [];
  var playing = null;

  function buildTime() {
    var seen = {};
    nodes.forEach(function (node) {
      if (node.type === "Article" && node.date && !seen[node.date]) {
        seen[node.date] = true;
        timeDates.push(node.date);
      }
    });
    timeDates.sort();
    var slider = byId("ng-time");
    slider.max = String(Math.max(timeDates.length - 1, 0));
    slider.value = slider.max;
    slider.disabled = byId("ng-play").disabled = timeDates.length < 2;
    slider.addEventListener("input", function () { showUpTo(Number(slider.value), true); });
    slider.addEventListener("change", function () { stopPlaying(); showUpTo(Number(slider.value), false); });
    byId("ng-play").addEventListener("click", function () {
      if (playing !== null) { stopPlaying(); return; }
      var start = Number(slider.value) >= timeDates.length - 1 ? 0 : Number(slider.value);
      // the view that holds the last step, kept still while the graph grows into it
      state.to = "";
      byId("ng-date-to").value = "";
      refresh();
      showUpTo(start, true);
      byId("ng-play").textContent = "\u275a\u275a Pause";
      playing = setInterval(function () {
        var next = Number(slider.value) + 1;
        if (next >= timeDates.length) { stopPlaying(); return; }
        showUpTo(next, true);
      }, 700);
    });
    syncTime();
  }

  function showUpTo(k, keepView) {
    var last = k >= timeDates.length - 1;
    state.to = last ? "" : timeDates[k];
    byId("ng-date-to").value = state.to;
    byId("ng-time").value = String(k);
    syncTime();
    refresh(keepView);
  }

  function stopPlaying() {
    if (playing === null) return;
    clearInterval(playing);
    playing = null;
    byId("ng-play").textContent = "\u25b6 Play";
  }

  function syncTime() {
    var slider = byId("ng-time");
    if (state.to) {
      var k = 0;
      while (k < timeDates.length - 1 && timeDates[k + 1] <= state.to) k += 1;
      slider.value = String(k);
    } else {
      slider.value = slider.max;
    }
    byId("ng-time-label").textContent = timeDates.length
      ? (state.to ? "Up to " + state.to : "Up to " + timeDates[timeDates.length - 1] + " (all)") : "";
  }

  // What's new: the nodes and relations that only the latest build's documents support.
  function buildWhatsNew() {
    var newNodes = nodes.filter(function (node) { return node.new && node.type !== "Article"; }).length;
    var newEdges = edges.filter(function (edge) { return edge.new; }).length;
    var newArticles = nodes.filter(function (node) { return node.new && node.type === "Article"; }).length;
    var box = byId("ng-new");
    byId("ng-new-n").textContent = (newNodes + newEdges).toLocaleString("en");
    box.disabled = !(newNodes + newEdges);
    var everything = newArticles && newArticles === nodes.filter(function (n) { return n.type === "Article"; }).length;
    byId("ng-new-text").textContent = !newArticles ? "The latest build read no new document."
      : plural(newNodes, "node") + " and " + plural(newEdges, "relation") + " from " +
        plural(newArticles, "article") + (everything ? " (the first build: all is new)." : " first read in the latest build.");
    box.addEventListener("change", function () {
      state.whatsNew = box.checked;
      edgeData.update(edges.filter(function (edge) { return edge.new; }).map(function (edge) {
        var i = edges.indexOf(edge);
        return { id: i, width: state.whatsNew ? 4 : (edge.type === MENTIONS ? 0.6 : 1.4) };
      }));
      if (state.whatsNew) fitNew(); else fitView(false);
    });
  }

  function fitNew() {
    var chosen = nodes.filter(function (node, i) { return nodeVisible[i] && node.new; });
    if (chosen.length) fitNodes(chosen); else network.redraw();
  }

  function updateStatus() {
    byId("ng-count").textContent = counts.nodes.toLocaleString("en") + " nodes \u00b7 " +
      counts.edges.toLocaleString("en") + " edges";
    var hidden = nodes.length > state.limit;
    byId("ng-more-section").hidden = !hidden;
    if (hidden) {
      byId("ng-more-text").textContent = "Showing the " + state.limit.toLocaleString("en") +
        " most connected of " + nodes.length.toLocaleString("en") + " nodes.";
    }
  }

  // Network

  buildControls();
  computeVisibility();
  var nodeData = new vis.DataSet(nodes.map(nodeItem));
  var edgeData = new vis.DataSet(edges.map(edgeItem));
  var nodeView = new vis.DataView(nodeData, { filter: function (item) { return nodeVisible[item.id]; } });
  var edgeView = new vis.DataView(edgeData, { filter: function (item) { return edgeVisible[item.id]; } });
  var large = counts.edges > 3000;
  var network = new vis.Network(byId("ng-network"), { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 0 },
    interaction: {
      hover: !large,
      hideEdgesOnDrag: large,
      hideEdgesOnZoom: large,
      // the layout and its label placement are computed beforehand: nodes stay where they are
      dragNodes: false,
      tooltipDelay: 300,
      keyboard: false
    },
    nodes: {
      borderWidth: 1.5,
      borderWidthSelected: 3
    },
    edges: {
      width: 1.4,
      selectionWidth: 2,
      smooth: false
    },
    groups: groups()
  });
  updateStatus();

  // what a filter changes: the visible nodes and edges, then the view fits them
  function refresh(keepView) {
    computeVisibility();
    nodeView.refresh();
    edgeView.refresh();
    updateStatus();
    if (!keepView) fitView(false);
  }

  // Labels: drawn on the canvas at a fixed size on screen, most important first. Each node
  // has the zoom from which its label overlaps no more important one (computed with the
  // layout); what is drawn is checked again against what was drawn before it, so no two
  // labels ever overlap, whatever the fonts.
  var labelOrder = nodes.map(function (node, i) { return i; })
    .sort(function (a, b) { return nodes[a].rank - nodes[b].rank; });
  var labelWidths = {};
  var drawn = { nodes: [], edges: [] };

  function overlapsAny(box, boxes) {
    for (var k = 0; k < boxes.length; k++) {
      var other = boxes[k];
      if (box.left < other.left + other.width && other.left < box.left + box.width &&
          box.top < other.top + other.height && other.top < box.top + box.height) return true;
    }
    return false;
  }

  function textWidth(ctx, key, text) {
    if (!(key in labelWidths)) labelWidths[key] = ctx.measureText(text).width + 4;
    return labelWidths[key];
  }

  function drawText(ctx, text, box, color) {
    ctx.strokeText(text, box.left + box.width / 2, box.top + box.height / 2);
    ctx.fillStyle = color;
    ctx.fillText(text, box.left + box.width / 2, box.top + box.height / 2);
  }

  function drawLabels(ctx) {
    var canvas = ctx.canvas;
    var width = canvas.clientWidth, height = canvas.clientHeight;
    var ratio = canvas.width / Math.max(width, 1);
    var scale = network.getScale();
    var view = network.getViewPosition();
    function screen(x, y) {
      return { x: (x - view.x) * scale + width / 2, y: (y - view.y) * scale + height / 2 };
    }
    function inView(box) {
      return box.left < width && box.left + box.width > 0 && box.top < height && box.top + box.height > 0;
    }
    var boxes = [];
    var nodeBoxes = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 4;
    ctx.font = LABEL_FONT + "px " + FONT;
    var selected = network.getSelectedNodes();
    var candidates = selected.concat(labelOrder);
    var seen = {};
    for (var k = 0; k < candidates.length && nodeBoxes.length < MAX_LABELS; k++) {
      var i = candidates[k];
      if (seen[i] || !nodeVisible[i]) continue;
      seen[i] = true;
      var node = nodes[i];
      if (k >= selected.length && (node.labelAt === null || node.labelAt > scale * 1.0001)) continue;
      var at = screen(node.x, node.y + node.size);
      var w = textWidth(ctx, "n" + i, node.caption);
      var box = { left: at.x - w / 2, top: at.y + 2, width: w, height: LABEL_HEIGHT };
      if (!inView(box) || overlapsAny(box, boxes)) continue;
      drawText(ctx, node.caption, box, node.type === "Article" ? "#475569" : "#0f172a");
      boxes.push(box);
      nodeBoxes.push({ id: node.id, text: node.caption, left: box.left, top: box.top,
        width: box.width, height: box.height });
    }
    var edgeBoxes = [];
    if (scale >= EDGE_LABEL_SCALE && !large) {
      ctx.font = EDGE_LABEL_FONT + "px " + FONT;
      ctx.lineWidth = 3;
      var bodyEdges = network.body && network.body.edges;
      for (var e = 0; e < edges.length && edgeBoxes.length < MAX_LABELS; e++) {
        if (!edgeVisible[e] || edges[e].type === MENTIONS) continue;
        var edge = edges[e];
        var a = nodes[edge.from], b = nodes[edge.to];
        var middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        var drawnEdge = bodyEdges && bodyEdges[e];
        if (edge.curve && drawnEdge && drawnEdge.edgeType && drawnEdge.edgeType.getPoint) {
          middle = drawnEdge.edgeType.getPoint(0.5);
        }
        var point = screen(middle.x, middle.y);
        var name = edgeName(edge);
        var ew = textWidth(ctx, "e" + edge.type, name);
        var ebox = { left: point.x - ew / 2, top: point.y - 7, width: ew, height: 14 };
        if (!inView(ebox) || overlapsAny(ebox, boxes)) continue;
        drawText(ctx, name, ebox, "#334155");
        boxes.push(ebox);
        edgeBoxes.push({ text: name, left: ebox.left, top: ebox.top, width: ebox.width, height: ebox.height });
      }
    }
    ctx.restore();
    drawn = { nodes: nodeBoxes, edges: edgeBoxes };
  }

  network.on("afterDrawing", drawLabels);

  // new nodes in "What's new": a yellow ring with a dark rim, under the node
  network.on("beforeDrawing", function (ctx) {
    if (!state.whatsNew) return;
    ctx.save();
    ctx.fillStyle = "rgba(240, 228, 66, 0.7)";
    ctx.strokeStyle = "#8a7d00";
    ctx.lineWidth = 2 / network.getScale();
    nodes.forEach(function (node, i) {
      if (!node.new || !nodeVisible[i]) return;
      ctx.beginPath();
      ctx.arc(node.x, node.y, node.size + 8 / network.getScale(), 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
  });

  function select(i, focus) {
    if (focus && !nodeVisible[i]) {
      state.pinned[i] = true;
      refresh(true);
    }
    if (nodeVisible[i]) {
      network.selectNodes([i]);
      if (focus) {
        network.focus(i, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
      }
    }
    showNode(i);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0], false);
  });


  // Expanding a node: its relations (and the nodes at their other end) fetched from the
  // endpoint and added around it, so a graph larger than the page can be explored. The
  // answers are news text: they reach the page only as data, drawn as text.

  var IRI = /^[a-z][a-z0-9+.\-]*:[^\s<>"{}|^`\\]*$/i;
  var CLASSES = ["Organisation", "Person", "Country", "Policy", "Article"];
  var nodeIndex = {};
  nodes.forEach(function (node, i) { nodeIndex[node.id] = i; });
  var edgeKeys = {};
  edges.forEach(function (edge) { edgeKeys[edge.from + " " + edge.to + " " + edge.type] = true; });

  function neighbourQuery(iri) {
    var x = "<" + iri + ">";
    return [
      "PREFIX ng: <" + NG + ">",
      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>",
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
      "PREFIX dcterms: <http://purl.org/dc/terms/>",
      "SELECT ?s ?p ?o ?count ?first ?last ?type ?label ?title ?date ?kind WHERE {",
      "  { SELECT ?s ?p ?o (SUM(?n) AS ?count) (MIN(?f) AS ?first) (MAX(?l) AS ?last) WHERE {",
      "      { ?a rdf:subject " + x + " ; rdf:predicate ?p ; rdf:object ?o . BIND(" + x + " AS ?s) }",
      "      UNION { ?a rdf:object " + x + " ; rdf:predicate ?p ; rdf:subject ?s . BIND(" + x + " AS ?o) }",
      "      OPTIONAL { ?a ng:articleCount ?n } OPTIONAL { ?a ng:firstSeen ?f } OPTIONAL { ?a ng:lastSeen ?l }",
      "    } GROUP BY ?s ?p ?o ORDER BY DESC(?count) ?s ?p ?o LIMIT " + NEIGHBOURS + " }",
      "  BIND(IF(?s = " + x + ", ?o, ?s) AS ?other)",
      "  OPTIONAL { ?other a ?type . FILTER(?type IN (" + CLASSES.map(function (c) { return "ng:" + c; }).join(", ") + ")) }",
      "  OPTIONAL { ?other rdfs:label ?label }",
      "  OPTIONAL { ?other dcterms:title ?title }",
      "  OPTIONAL { ?other dcterms:date ?date }",
      "  OPTIONAL { ?other ng:policyKind ?kind }",
      "}"
    ].join("\n");
  }

  function value(binding, name) {
    var term = binding[name];
    return term && typeof term.value === "string" ? term.value : null;
  }

  function localName(iri) { return iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1); }

  function edgeTypeOf(predicate) { return predicate.replace(/(?!^)([A-Z])/g, "-$1").toLowerCase(); }

  function addNode(iri, binding, around, slot, slots) {
    var type = value(binding, "type");
    type = type && type.indexOf(NG) === 0 && CLASSES.indexOf(type.slice(NG.length)) >= 0
      ? type.slice(NG.length) : "Entity";
    var label = value(binding, "label") || value(binding, "title") || iri;
    var angle = 2 * Math.PI * (slot + 0.5) / slots;
    var radius = 90 + 14 * Math.sqrt(slots);
    var node = {
      id: iri, type: type, label: label, articles: [], aliases: [], kind: null,
      x: around.x + radius * Math.cos(angle), y: around.y + radius * Math.sin(angle),
      weight: 0, hub: false, linked: true, new: false, rank: nodes.length, labelAt: 0, fetched: true
    };
    if (type === "Article") {
      node.title = value(binding, "title") || "";
      node.date = (value(binding, "date") || "").slice(0, 10) || null;
      node.source = ""; node.link = null; node.publisher = null; node.authors = []; node.sourceLink = null;
    } else {
      var kind = value(binding, "kind");
      node.kind = kind && kind.indexOf(NG) === 0 ? kind.slice(NG.length) : null;
    }
    node.size = type === "Article" ? 6 : type === "Country" ? 10.8 : 12;
    node.caption = shorten(nodeName(node).split(/\s+/).join(" "), 30);
    var i = nodes.length;
    nodes.push(node);
    incident.push([]);
    nodeVisible.push(false);
    labelOrder.push(i);
    nodeIndex[iri] = i;
    state.pinned[i] = true;
    return i;
  }

  function addEdges(i, rows) {
    var around = nodes[i];
    var others = [];
    rows.forEach(function (row) {
      var other = value(row, "s") === around.id ? value(row, "o") : value(row, "s");
      if (other && IRI.test(other) && !(other in nodeIndex) && others.indexOf(other) < 0) others.push(other);
    });
    var added = { nodes: 0, edges: 0 };
    var newNodes = [], newEdges = [];
    rows.forEach(function (row) {
      var s = value(row, "s"), p = value(row, "p"), o = value(row, "o");
      if (!s || !p || !o || !IRI.test(s) || !IRI.test(o)) return;
      var other = s === around.id ? o : s;
      if (!(other in nodeIndex)) {
        newNodes.push(addNode(other, row, around, others.indexOf(other), others.length));
      }
      state.pinned[nodeIndex[other]] = true;
      var predicate = localName(p);
      var type = edgeTypeOf(predicate);
      var key = nodeIndex[s] + " " + nodeIndex[o] + " " + type;
      if (edgeKeys[key]) return;
      edgeKeys[key] = true;
      if (!RELATIONS[type]) {
        RELATIONS[type] = { family: data.families.length - 1, familyName: data.families[data.families.length - 1],
          color: "#222222", dashes: false, arrow: true, name: type.replace(/-/g, " ") };
      }
      if (!(type in state.predicates)) state.predicates[type] = true;
      var count = Number(value(row, "count"));
      var edge = {
        from: nodeIndex[s], to: nodeIndex[o], type: type, predicate: predicate, evidence: [],
        count: isFinite(count) && count > 0 ? count : null,
        first: value(row, "first"), last: value(row, "last"), curve: 0, new: false, fetched: true
      };
      var e = edges.length;
      edges.push(edge);
      edgeVisible.push(false);
      incident[edge.from].push(e);
      if (edge.to !== edge.from) incident[edge.to].push(e);
      newEdges.push(e);
    });
    nodeData.add(newNodes.map(function (n) { return nodeItem(nodes[n], n); }));
    edgeData.add(newEdges.map(function (e) { return edgeItem(edges[e], e); }));
    added.nodes = newNodes.length;
    added.edges = newEdges.length;
    return added;
  }

  function expandStatus(text) {
    var line = byId("ng-expand");
    if (line) line.replaceChildren(el("span", "ng-meta", text));
  }

  function expand(i) {
    var node = nodes[i];
    if (!ENDPOINT) return Promise.resolve(null);
    if (!IRI.test(node.id)) {
      expandStatus("This node has no IRI to ask the graph about.");
      return Promise.resolve(null);
    }
    state.pinned[i] = true;
    expandStatus("Fetching its relations\u2026");
    var body = new URLSearchParams({ query: neighbourQuery(node.id) });
    return fetch(ENDPOINT, {
      method: "POST",
      headers: { "Accept": "application/sparql-results+json" },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) { throw new Error(text.split("\n")[0] || response.statusText); });
      }
      return response.json();
    }).then(function (answer) {
      var rows = answer && answer.results && Array.isArray(answer.results.bindings) ? answer.results.bindings : [];
      var added = addEdges(i, rows);
      node.expanded = true;
      refresh(true);
      showNode(i);
      var got = rows.length >= NEIGHBOURS ? " (the " + NEIGHBOURS + " best corroborated)" : "";
      expandStatus("Fetched from the graph: " + plural(added.nodes, "new node") + " and " +
        plural(added.edges, "new relation") + got + ".");
      return added;
    }).catch(function (error) {
      expandStatus("The graph did not answer: " + String(error && error.message || error));
      return null;
    });
  }

  network.on("doubleClick", function (params) {
    if (ENDPOINT && params.nodes.length) expand(params.nodes[0]);
  });

  var api = {
    settled: false,
    settledAt: null,
    totalNodes: nodes.length,
    totalEdges: edges.length,
    nodeCount: function () { return counts.nodes; },
    edgeCount: function () { return counts.edges; },
    drawnNodeCount: function () { return nodeView.length; },
    drawnEdgeCount: function () { return edgeView.length; },
    search: function (query) {
      return search(query).map(function (hit) { return nodeName(nodes[hit.index]); });
    },
    select: function (id) {
      var i = nodes.findIndex(function (node) { return node.id === id; });
      if (i >= 0) select(i, true);
      return i >= 0;
    },
    showEdge: function (from, to, type) {
      var e = edges.findIndex(function (edge) {
        return nodes[edge.from].id === from && nodes[edge.to].id === to && edge.type === type;
      });
      if (e >= 0) showEdge(e, true);
      return e >= 0;
    },
    positions: function () { return network.getPositions(); },
    endpoint: ENDPOINT,
    // fetch a node's relations from the endpoint; resolves to what was added, or null
    expand: function (id) {
      return id in nodeIndex ? expand(nodeIndex[id]) : Promise.resolve(null);
    },
    // the labels drawn last, with their boxes in pixels of the network's canvas
    drawnLabels: function () { return drawn.nodes; },
    drawnEdgeLabels: function () { return drawn.edges; },
    fits: 0,
    newIds: function () {
      return nodes.filter(function (node) { return node.new; }).map(function (node) { return node.id; });
    },
    visibleIds: function () {
      return nodes.filter(function (node, i) { return nodeVisible[i]; }).map(function (node) { return node.id; });
    },
    network: network
  };
  window.newsgraph = api;

  network.once("afterDrawing", function () {
    requestAnimationFrame(function () {
      api.settled = true;
      api.settledAt = performance.now();
      document.body.dataset.state = "settled";
    });
  });
  // the view that holds the visible nodes (the largest connected part of a big graph), with
  // room on screen for the labels around them
  function fitView(all) {
    var chosen = nodes.filter(function (node, i) { return nodeVisible[i] && node.hub; });
    if (all || counts.nodes <= CORE_VIEW || !chosen.length) {
      chosen = nodes.filter(function (node, i) { return nodeVisible[i]; });
    }
    fitNodes(chosen);
  }

  function fitNodes(chosen) {
    api.fits += 1;
    if (!chosen.length) return;
    var left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    chosen.forEach(function (node) {
      left = Math.min(left, node.x - node.size);
      right = Math.max(right, node.x + node.size);
      top = Math.min(top, node.y - node.size);
      bottom = Math.max(bottom, node.y + node.size);
    });
    var box = byId("ng-network").getBoundingClientRect();
    var scale = Math.min((box.width - 160) / (right - left), (box.height - 60) / (bottom - top), 1.5);
    scale = Math.max(scale, 0.01);
    network.moveTo({ position: { x: (left + right) / 2, y: (top + bottom) / 2 + 10 / scale }, scale: scale });
  }

  byId("ng-fit").addEventListener("click", function () { fitView(true); });
  fitView(false);
})();
