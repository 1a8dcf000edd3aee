// Kinerja's small enhancements. Every page works without this file.
(function () {
  "use strict";
  // A unit filter submits its form as soon as a unit is chosen.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (sel) {
    sel.addEventListener("change", function () {
      if (sel.form) { sel.form.requestSubmit ? sel.form.requestSubmit() : sel.form.submit(); }
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
