/* The index page's search (graph_builder/presentation/site/templates/search.js): every
   entity of the site, matched as the user types. Diacritics are optional: a query typed
   with them matches them exactly when anything does ("Hòa" is not "Hoa"), otherwise
   the query and the names are compared without them ("luong thi hoa" finds Lương Thị
   Hoa). Results are built as DOM nodes with textContent, never as HTML. */
(function () {
  "use strict";
  var KINDS = {person: "Người", body: "Cơ quan", place: "Địa phương", meeting: "Cuộc họp", article: "Bài báo"};
  var ORDER = {person: 0, body: 1, place: 2, meeting: 3, article: 4};
  var LIMIT = 100;
  var state = window.vnkgSearchState = {ready: false, query: "", count: 0, results: []};

  function lower(s) { return String(s).normalize("NFC").toLowerCase().replace(/\s+/g, " "); }
  function plain(s) {
    return lower(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  var entries = ((window.vnkgSearch || {}).entries || []).map(function (e) {
    return {kind: e[0], label: e[1], href: e[2], hint: e[3], lower: lower(e[1]), plain: plain(e[1])};
  });

  function rank(text, q) {
    if (text === q) { return 0; }
    if (text.indexOf(q) === 0) { return 1; }
    return text.indexOf(" " + q) >= 0 ? 2 : 3;
  }
  function search(query) {
    var q = lower(query).trim(), key = "lower", found = [];
    if (!q) { return []; }
    if (q !== plain(q)) {
      found = entries.filter(function (e) { return e.lower.indexOf(q) >= 0; });
    }
    if (!found.length) {
      q = plain(q);
      key = "plain";
      found = entries.filter(function (e) { return e.plain.indexOf(q) >= 0; });
    }
    return found.map(function (e) { return {e: e, r: rank(e[key], q)}; }).sort(function (a, b) {
      return a.r - b.r || ORDER[a.e.kind] - ORDER[b.e.kind] ||
        (a.e.label < b.e.label ? -1 : a.e.label > b.e.label ? 1 : 0);
    }).map(function (x) { return x.e; });
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  var input = document.getElementById("search"), list = document.getElementById("results"),
      status = document.getElementById("search-status");
  function show() {
    var found = search(input.value);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    found.slice(0, LIMIT).forEach(function (e) {
      var item = el("li"), link = el("a", "", e.label);
      link.setAttribute("href", e.href);
      item.appendChild(link);
      item.appendChild(el("span", "kind", KINDS[e.kind] || e.kind));
      if (e.hint) { item.appendChild(el("span", "hint", e.hint)); }
      list.appendChild(item);
    });
    status.textContent = !input.value.trim() ? "" : found.length === 0 ? "Không tìm thấy." :
      found.length > LIMIT ? found.length + " kết quả; hiện " + LIMIT + " kết quả đầu." : found.length + " kết quả.";
    state.query = input.value;
    state.count = found.length;
    state.results = found.slice(0, LIMIT).map(function (e) { return e.href; });
  }
  input.addEventListener("input", show);
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    show();
    var first = list.querySelector("a");
    if (first && state.count === 1) { first.focus(); }
  });
  if (input.value) { show(); }
  state.ready = true;
  state.entries = entries.length;
}());
