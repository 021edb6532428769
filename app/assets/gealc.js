/* Keep <html lang> and the document title in step with the page language. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  gealc: {
    setLanguage: function (lang) {
      if (lang) { document.documentElement.lang = lang; }
      // The tab's title is the site's name as the page's header writes it in its language.
      var brand = document.querySelector(".site-header .brand");
      if (brand) { document.title = brand.textContent.trim(); }
      return window.dash_clientside.no_update;
    }
  }
});

/* dcc.Dropdown (Dash 4) puts the Tab stop on a hidden <input aria-hidden="true"> that hands focus
   on to the real trigger, a <button tabindex="-1">: a focusable element hidden from screen
   readers (WCAG 4.1.2, axe's aria-hidden-focus). Make the button itself the Tab stop and disable
   the stand-in, for each dropdown as it appears; the button opens its list with Enter, Space or
   ArrowDown as before. (Dash rewrites the stand-in's tabindex on blur, never its `disabled`.) */
(function () {
  function fix(root) {
    var stand = root.querySelectorAll ? root.querySelectorAll("input.dash-dropdown-focus-target:not([disabled])") : [];
    for (var i = 0; i < stand.length; i++) {
      var button = stand[i].nextElementSibling;
      if (!button || button.tagName !== "BUTTON") { continue; }
      stand[i].disabled = true;
      stand[i].tabIndex = -1;
      button.tabIndex = 0;  // a disabled button stays out of the Tab order all the same
    }
  }
  function start() {
    fix(document);
    new MutationObserver(function () { fix(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();

/* Links that change only the view's URL (a chart widget's tabs, `data-route`): with scripts, tell
   Dash's router (dcc.Location listens for `_dashprivate_pushstate`, as dcc.Link does) instead of
   reloading the page, and keep the reader where they are. Without scripts they are plain links. */
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a[data-route]") : null;
  if (!link || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
  event.preventDefault();
  window.history.pushState({}, "", link.getAttribute("href"));
  window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
});

/* A chart widget's image downloads: the chart drawn in the panel, as PNG or SVG, named after the
   widget, at the size it has on screen (twice the pixels for PNG). */
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button.image-download") : null;
  if (!button || !window.Plotly) { return; }
  var chart = document.querySelector("#" + button.dataset.graph + " .js-plotly-plot");
  if (!chart) { return; }
  window.Plotly.downloadImage(chart, {
    format: button.dataset.format,
    filename: button.dataset.filename,
    width: chart.offsetWidth,
    height: chart.offsetHeight,
    scale: button.dataset.format === "png" ? 2 : 1
  });
});

/* Point labels never overlap, whatever the screen's width: after a chart is drawn (and redrawn,
   on a resize), a label that would cover one already kept, or that the chart's edge would cut, is
   hidden; its point still shows its name on hover. The figure places labels for a laptop's width; a phone keeps fewer. */
(function () {
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  function inside(box, frame) {
    return box.left >= frame.left && box.right <= frame.right &&
      box.top >= frame.top && box.bottom <= frame.bottom;
  }
  function declutter(gd) {
    var kept = [];
    var svg = gd.querySelector(".main-svg");
    var frame = svg ? svg.getBoundingClientRect() : null;
    var labels = gd.querySelectorAll(".scatterlayer .textpoint text");
    for (var i = 0; i < labels.length; i++) {
      labels[i].style.visibility = "";
      var box = labels[i].getBoundingClientRect();
      if (!box.width) { continue; }
      var clash = (frame && !inside(box, frame)) ||  /* cut at the chart's edge: "nduras" */
        kept.some(function (other) { return overlaps(box, other); });
      labels[i].style.visibility = clash ? "hidden" : "";
      if (!clash) { kept.push(box); }
    }
  }
  function watch(root) {
    var plots = root.querySelectorAll ? root.querySelectorAll(".js-plotly-plot") : [];
    for (var i = 0; i < plots.length; i++) {
      if (plots[i].dataset.declutter || !plots[i].on) { continue; }
      plots[i].dataset.declutter = "1";
      plots[i].on("plotly_afterplot", declutter.bind(null, plots[i]));
      declutter(plots[i]);
    }
  }
  function start() {
    watch(document);
    new MutationObserver(function () { watch(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();

/* The server's first view (#first-view, real HTML and SVG for readers before or without scripts)
   gives way to the interactive page once Dash has drawn it, charts and drop-downs included (as
   many as the first view has), so the reader never sees an empty chart, a jump or two pages (a
   chart that fails to draw holds it back 5 s at most). */
(function () {
  var WAIT = 5000;
  var timer = null;
  function handOver(late) {
    var first = document.getElementById("first-view");
    if (!first) { return true; }
    if (!document.querySelector("#react-entry-point #main")) { return false; }
    var count = function (selector) { return document.querySelectorAll(selector).length; };
    var drawn = count("#react-entry-point .dash-graph .main-svg:first-child") >=
        count("#first-view .chart-room") &&
      count("#react-entry-point .dash-dropdown-wrapper") >= count("#first-view .choice-shown");
    if (!drawn && late !== true) {
      timer = timer || setTimeout(function () { handOver(true); }, WAIT);
      return false;
    }
    first.remove();
    return true;
  }
  function start() {
    if (handOver()) { return; }
    var watcher = new MutationObserver(function () { if (handOver()) { watcher.disconnect(); } });
    watcher.observe(document.getElementById("react-entry-point") || document.body,
      { childList: true, subtree: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();

/* An embed in another site's frame tells that page its height (for the optional /embed.js there,
   which fits the frame to it). */
(function () {
  if (window.parent === window || location.pathname.indexOf("/embed") !== 0) { return; }
  var told = 0;
  function tell() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height && height !== told) {
      told = height;
      window.parent.postMessage({ gealcHeight: height }, "*");
    }
  }
  new ResizeObserver(tell).observe(document.body);
  tell();
})();
