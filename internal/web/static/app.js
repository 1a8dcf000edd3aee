// Kinerja's small enhancements. Every page works without this file.
(function () {
  "use strict";
  // stamp writes a time as the server does, on the clock of the reader's
  // instansi with the zone's name: "02-03-2026 01:15 WIT".
  function stamp(iso) {
    var root = document.body, tz = root.getAttribute("data-tz"), name = root.getAttribute("data-tz-name");
    var opts = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    if (tz) { opts.timeZone = tz; }
    var p = {};
    try {
      new Intl.DateTimeFormat("en-GB", opts).formatToParts(new Date(iso)).forEach(function (x) { p[x.type] = x.value; });
    } catch (e) {
      return new Date(iso).toLocaleString();
    }
    return p.day + "-" + p.month + "-" + p.year + " " + p.hour + ":" + p.minute + (tz && name ? " " + name : "");
  }
  // A unit filter submits its form as soon as a unit is chosen.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (sel) {
    sel.addEventListener("change", function () {
      if (sel.form) { sel.form.requestSubmit ? sel.form.requestSubmit() : sel.form.submit(); }
    });
  });
  // A print button where the page is meant to be printed (the slip of a
  // one-time link); without this script the browser's own print works.
  document.querySelectorAll("button[data-print]").forEach(function (btn) {
    btn.hidden = false;
    btn.addEventListener("click", function () { window.print(); });
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
  // A file over the limit the server states (data-max-bytes) is refused
  // here, before a long upload the server would refuse anyway: the input
  // is marked invalid, so the form is not sent, and the limit is said
  // in the element data-error names (data-too-large).
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var max = Number(input.getAttribute("data-max-bytes"));
    var note = document.getElementById(input.getAttribute("data-error") || "");
    function check() {
      var big = false;
      for (var i = 0; i < input.files.length; i++) { if (input.files[i].size > max) { big = true; } }
      var msg = big ? input.getAttribute("data-too-large") : "";
      input.setCustomValidity(msg);
      if (big) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      if (note) { note.textContent = msg; note.hidden = !big; }
      return !big;
    }
    input.addEventListener("change", check);
    if (input.form) {
      input.form.addEventListener("submit", function (e) {
        if (!check()) { e.preventDefault(); e.stopImmediatePropagation(); input.focus(); }
      });
    }
  });
  // Disable a submit button once pressed, so that a slow upload is not sent twice.
  document.querySelectorAll('form[enctype="multipart/form-data"], form[data-import-apply]').forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (e.defaultPrevented) { return; }
      Array.prototype.forEach.call(form.elements, function (b) { if (b.type === "submit") { b.disabled = true; } });
    });
  });
  // A progress form keeps what was typed on this device until it is sent,
  // so that a dropped connection or a closed tab loses nothing.
  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = "kinerja-draft-" + form.getAttribute("data-draft");
    var note = form.querySelector("[data-draft-note]");
    var fields = ["rhk_id", "description", "output", "minutes"];
    var store;
    try { store = window.localStorage; } catch (e) { return; }
    if (!store) { return; }
    if (/[?&]ok=1/.test(location.search)) { store.removeItem(key); }
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && form.elements.description && !form.elements.description.value) {
      fields.forEach(function (f) { if (form.elements[f] && saved[f] != null) { form.elements[f].value = saved[f]; } });
      if (note && saved.description) { note.hidden = false; }
    }
    form.addEventListener("input", function () {
      var v = {};
      fields.forEach(function (f) { if (form.elements[f]) { v[f] = form.elements[f].value; } });
      store.setItem(key, JSON.stringify(v));
    });
  });
  // Ask before a step that cannot be taken back (sending a result).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });
  // The rating form: the predikat the two chosen ratings give, by the
  // matrix the page carries (the server computes the saved one).
  document.querySelectorAll("form[data-predikat-matrix]").forEach(function (form) {
    var matrix, box = form.querySelector("[data-predikat-preview]"), out = form.querySelector("[data-predikat-out]");
    try { matrix = JSON.parse(form.getAttribute("data-predikat-matrix")); } catch (err) { return; }
    if (!box || !out) { return; }
    var none = out.textContent;
    var picked = function (name) {
      var el = form.querySelector('input[name="' + name + '"]:checked');
      return el ? el.value : "";
    };
    var update = function () {
      var h = form.getAttribute("data-fixed-hasil") || picked("hasil_kerja"), p = picked("perilaku_kerja");
      out.textContent = (h && p && matrix[h + ":" + p]) || none;
    };
    form.addEventListener("change", update);
    update();
    box.hidden = false;
  });
  // A report being built: its progress is asked for every second, and the
  // page is loaded again once the file is ready.
  var job = document.querySelector("[data-report-job]");
  if (job && window.fetch) {
    var bar = job.querySelector("progress"), pct = job.querySelector("[data-report-percent]");
    var poll = function () {
      fetch("/laporan/" + encodeURIComponent(job.getAttribute("data-report-job")) + "?format=json", { credentials: "same-origin" }).then(function (r) {
        return r.json();
      }).then(function (d) {
        if (d.ready || d.failed) { window.location.reload(); return; }
        if (bar) { bar.value = d.percent; }
        if (pct) { pct.textContent = String(d.percent); }
        setTimeout(poll, 1000);
      }).catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 500);
  }
  // Live updates: the server pushes events for the signed-in person; the
  // open page shows them without a reload. EventSource reconnects by itself
  // and sends the last event id, so nothing is missed.
  if (document.body.hasAttribute("data-live") && window.EventSource && window.fetch) {
    // Resume after the newest event the page was made with, so that
    // nothing between the page and the stream is missed. The stream is
    // closed when the page is left (a browser allows only a few open
    // connections to one site) and resumed if the page comes back.
    var last = document.body.getAttribute("data-live") || "0", es = null, handlers = [];
    var on = function (type, fn) { handlers.push([type, fn]); };
    var connect = function () {
      es = new EventSource("/api/v1/events?lastEventId=" + encodeURIComponent(last));
      handlers.forEach(function (h) {
        es.addEventListener(h[0], function (e) {
          if (e.lastEventId) { last = e.lastEventId; }
          var d;
          try { d = JSON.parse(e.data); } catch (err) { return; }
          h[1](d);
        });
      });
    };
    window.addEventListener("pagehide", function () { if (es) { es.close(); es = null; } });
    window.addEventListener("pageshow", function (e) { if (e.persisted && !es) { connect(); } });
    on("notification", function (d) {
      var bell = document.querySelector("[data-bell]"), count = document.querySelector("[data-bell-count]");
      if (!bell || !count) { return; }
      // A grouped notification replaces an unread one: the count stays.
      if (!d.replaces) { count.textContent = String((parseInt(count.textContent, 10) || 0) + 1); }
      bell.hidden = false;
    });
    // The desk: a new or resent entry joins the waiting list (the newest
    // belong on its last page) and the count of all waiting grows.
    on("progress.submitted", function (d) {
      var list = document.querySelector("[data-live-desk]");
      if (!list) { return; }
      var n = document.querySelector("[data-waiting-count]");
      if (list.hasAttribute("data-more")) {
        if (n && !document.getElementById("progress-" + d.id)) { n.textContent = String((parseInt(n.textContent, 10) || 0) + 1); }
        return;
      }
      fetch("/fragmen/progres/" + encodeURIComponent(d.id), { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error("status " + r.status); }
        return r.text();
      }).then(function (html) {
        var old = document.getElementById("progress-" + d.id);
        if (old) { old.remove(); }
        list.insertAdjacentHTML("beforeend", html);
        var item = document.getElementById("progress-" + d.id);
        if (item) { item.classList.add("fresh"); }
        var empty = document.querySelector("[data-empty]");
        if (empty) { empty.hidden = true; }
        if (n && !old) { n.textContent = String((parseInt(n.textContent, 10) || 0) + 1); }
      }).catch(function () { /* the entry shows on the next load */ });
    });
    // The author's page: an approval or a return changes the entry's status.
    on("progress.reviewed", function (d) {
      document.querySelectorAll('[data-progress="' + d.id + '"]').forEach(function (item) {
        var st = item.querySelector("[data-status]");
        if (st) {
          st.textContent = st.getAttribute("data-label-" + d.status) || d.status;
          st.className = "status status-" + d.status;
        }
        var note = item.querySelector("[data-note]");
        if (note && d.review_note) { note.textContent = d.review_note; note.hidden = false; }
        item.classList.add("fresh");
      });
    });
    // A thread on the page gets the new message.
    on("feedback.created", function (d) {
      var thread = document.querySelector('[data-thread="' + d.target_type + ":" + d.target_id + '"] .messages');
      if (!thread || document.getElementById("fb-msg-" + d.id)) { return; }
      var li = document.createElement("li");
      li.id = "fb-msg-" + d.id;
      li.className = "fresh";
      var who = document.createElement("strong");
      who.textContent = d.author_name;
      var when = document.createElement("span");
      when.className = "muted";
      when.textContent = " " + stamp(d.created_at);
      li.appendChild(who);
      li.appendChild(when);
      li.appendChild(document.createElement("br"));
      li.appendChild(document.createTextNode(d.body));
      thread.appendChild(li);
    });
    // The calibration screen: a rating of the OPD changed, so the curve
    // and its limits are drawn again from the server.
    on("curve.changed", function (d) {
      var box = document.querySelector('[data-live-curve="' + d.opd_id + '"]');
      if (!box || box.getAttribute("data-period") !== d.period_id) { return; }
      fetch("/fragmen/kurva/" + encodeURIComponent(d.opd_id) + "?periode=" + encodeURIComponent(d.period_id), { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error("status " + r.status); }
        return r.text();
      }).then(function (html) {
        box.outerHTML = html;
        var fresh = document.querySelector('[data-live-curve="' + d.opd_id + '"]');
        if (fresh) { fresh.classList.add("fresh-curve"); }
      }).catch(function () { /* the curve shows on the next load */ });
    });
    // The employee's own assessment: once the result is sent, show it.
    on("assessment.finalized", function (d) {
      var page = document.querySelector("[data-live-assessment]");
      if ((page && page.getAttribute("data-live-assessment") === d.assessment_id) || document.querySelector("[data-live-assessments]")) {
        window.location.reload();
      }
    });
    connect();
  }
})();
