// claimscope: live filters for statement lists and timeline marks. No dependencies.
// The report inlines this file; the web app serves it as /static/app.js (CSP: script-src 'self').
(function () {
  "use strict";

  function values(form) {
    var get = function (name) { return form.elements[name] ? form.elements[name].value : ""; };
    return { lang: get("lang"), actor: get("actor"), stance: get("stance"), from: get("from"), to: get("to") };
  }

  function dayOk(day, f, last) {
    if (!f.from && !f.to) return true;
    if (!day) return false;
    last = last || day;  // a mark may cover several days: shown when the range overlaps
    return (!f.from || last >= f.from) && (!f.to || day <= f.to);
  }

  function apply(form) {
    var scope = document.getElementById(form.getAttribute("data-scope"));
    if (!scope) return;
    var f = values(form);
    var shown = 0, total = 0;
    scope.querySelectorAll("[data-st]").forEach(function (el) {
      var ok = (!f.lang || el.getAttribute("data-lang") === f.lang) &&
        (!f.actor || el.getAttribute("data-actor") === f.actor) &&
        (!f.stance || el.getAttribute("data-stance") === f.stance) &&
        dayOk(el.getAttribute("data-day"), f);
      el.hidden = !ok;
      total += 1;
      if (ok) shown += 1;
    });
    scope.querySelectorAll("svg.timeline .mk").forEach(function (el) {
      var langs = (el.getAttribute("data-langs") || "").split(" ");
      var actors = (el.getAttribute("data-actors") || "").split("|");
      var ok = (!f.lang || langs.indexOf(f.lang) >= 0) &&
        (!f.actor || actors.indexOf(f.actor) >= 0) &&
        (!f.stance || el.getAttribute("data-stance") === f.stance) &&
        dayOk(el.getAttribute("data-day"), f, el.getAttribute("data-last"));
      el.classList.toggle("off", !ok);
    });
    var out = form.querySelector("output.count");
    if (out) {
      var active = f.lang || f.actor || f.stance || f.from || f.to;
      out.textContent = active ? shown + " of " + total + " statements shown" : "";
    }
  }

  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("change", function () { apply(form); });
    form.addEventListener("input", function () { apply(form); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(form); }, 0); });
    if (form.hasAttribute("data-live-only")) {
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(form); });
    }
    apply(form);
  });

  // A link to a statement hidden by the filters clears them, so the evidence is visible.
  function reveal() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target || !target.hidden) return;
    var section = target.closest("section.story");
    var form = section && section.querySelector("form.filters");
    if (form) { form.reset(); apply(form); }
    target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  // Only one matrix cell open at a time; Escape closes it.
  document.addEventListener("toggle", function (event) {
    var el = event.target;
    if (!el.matches || !el.matches("details.pos") || !el.open) return;
    document.querySelectorAll("details.pos[open]").forEach(function (other) {
      if (other !== el) other.open = false;
    });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll("details.pos[open]").forEach(function (d) { d.open = false; });
    }
  });
})();
