// Kinerja's small enhancements. Every page works without this file.
(function () {
  "use strict";
  // A unit filter submits its form as soon as a unit is chosen.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (sel) {
    sel.addEventListener("change", function () {
      if (sel.form) { sel.form.requestSubmit ? sel.form.requestSubmit() : sel.form.submit(); }
    });
  });
  // Search as you type: fetch the same page the form would open and swap
  // in its results. Without this script (or fetch), the form submits as usual.
  document.querySelectorAll("form[data-live-search]").forEach(function (form) {
    var region = document.getElementById(form.getAttribute("data-live-search"));
    var status = document.getElementById(region && region.id + "-status");
    if (!region || !window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }
    var timer = 0, seq = 0;
    function update() {
      var url = form.getAttribute("action") + "?" + new URLSearchParams(new FormData(form)).toString();
      var mine = ++seq;
      region.setAttribute("aria-busy", "true");
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } }).then(function (r) {
        if (!r.ok || r.redirected) { throw new Error("status " + r.status); }
        return r.text();
      }).then(function (html) {
        if (mine !== seq) { return; } // an older answer arriving late
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(region.id);
        if (!fresh) { throw new Error("no results in the answer"); }
        region.replaceChildren.apply(region, Array.prototype.slice.call(fresh.childNodes));
        region.removeAttribute("aria-busy");
        var count = region.querySelector("[data-count]");
        if (status && count) { status.textContent = count.textContent; }
        history.replaceState(null, "", url);
      }).catch(function () {
        if (mine === seq) { form.submit(); } // fall back to an ordinary page load
      });
    }
    // Enter and the button still load the page as without this script.
    form.addEventListener("submit", function () { clearTimeout(timer); seq++; });
    form.querySelectorAll('input[type="search"]').forEach(function (input) {
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 250); });
    });
  });
  // Ask before ending a session, the only destructive action so far.
  document.querySelectorAll('form[action^="/sesi/"]').forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(document.documentElement.lang === "en" ? "End this session?" : "Akhiri sesi ini?")) {
        e.preventDefault();
      }
    });
  });
  // Disable a submit button once pressed, so that a slow upload is not sent twice.
  document.querySelectorAll('form[enctype="multipart/form-data"], form[data-import-apply]').forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
    });
  });
})();
