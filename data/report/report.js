// factsheet review page: click a finding to light up its spans; j/k move
// between findings; / filters them. Inline in the page; nothing is fetched.
(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var current = -1;

  function light(i) {
    document.querySelectorAll(".lit").forEach(function (e) { e.classList.remove("lit"); });
    document.querySelectorAll(".finding.current").forEach(function (e) { e.classList.remove("current"); });
    current = i;
    var f = findings[i];
    if (!f) { return; }
    f.classList.add("current");
    document.querySelectorAll("[data-f]").forEach(function (e) {
      if (e.getAttribute("data-f").split(" ").indexOf(f.id) >= 0) { e.classList.add("lit"); }
    });
  }

  findings.forEach(function (f, i) {
    f.addEventListener("click", function () { light(i); });
  });

  function visible() {
    return findings.filter(function (f) { return !f.hidden; });
  }

  function step(by) {
    var v = visible();
    if (!v.length) { return; }
    var at = v.indexOf(findings[current]);
    var next = at < 0 ? (by > 0 ? 0 : v.length - 1) : Math.min(Math.max(at + by, 0), v.length - 1);
    var f = v[next];
    light(findings.indexOf(f));
    f.scrollIntoView({ block: "center" });
    f.focus({ preventScroll: true });
  }

  document.addEventListener("keydown", function (e) {
    if (e.target === filter) {
      if (e.key === "Escape" || e.key === "Enter") { filter.blur(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "/") { e.preventDefault(); filter.focus(); }
    else if (e.key === "j") { step(1); }
    else if (e.key === "k") { step(-1); }
  });

  function applyFilter() {
    var q = filter.value.toLowerCase();
    var n = 0;
    findings.forEach(function (f) {
      f.hidden = q !== "" && f.textContent.toLowerCase().indexOf(q) < 0;
      if (!f.hidden) { n += 1; }
    });
    shown.textContent = q === "" ? "" : n + " of " + findings.length + " findings shown";
  }
  filter.addEventListener("input", applyFilter);

  // A link to a finding (report.html#f-…) opens with it lit, as if clicked.
  function openHash() {
    var f = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (f && f.classList.contains("finding")) { f.click(); f.scrollIntoView({ block: "nearest" }); }
  }
  window.addEventListener("hashchange", openHash);
  openHash();

  // Whether the page fits the window's width, for the layout tests.
  function fit() {
    document.documentElement.setAttribute("data-fits",
      document.documentElement.scrollWidth <= window.innerWidth ? "yes" : "no");
  }
  window.addEventListener("resize", fit);
  window.addEventListener("load", fit);
})();
