// The workbench's small behaviours: rechecks with progress, the live quote check, source rows.
(function () {
  "use strict";

  function showJob(status, job) {
    status.hidden = false;
    if (job.state === "waiting") {
      status.textContent = "Waiting for another check of this database to finish…";
    } else if (job.state === "running") {
      var text = "Rechecking… " + job.done + " of " + (job.total || "?") + " sources: " +
        job.read + " read, " + job.unreachable + " could not be reached";
      if (job.seconds_left !== null && job.seconds_left !== undefined) {
        text += "; about " + (job.seconds_left < 60 ? job.seconds_left + " s" : Math.round(job.seconds_left / 60) + " min") + " left";
      }
      status.textContent = text;
    } else {
      status.textContent = (job.message || ("The recheck failed: " + job.error)) + (job.state === "done" ? " Reloading…" : "");
    }
  }

  function follow(jobId, reloaded) {
    var status = document.getElementById("job-status");
    if (!status) return;
    var buttons = document.querySelectorAll("form[data-recheck] button");
    buttons.forEach(function (b) { b.disabled = true; });
    function poll() {
      fetch(status.dataset.jobs + jobId + ".json", { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (job) {
          if (job && job.state === "done" && job.article_id && status.dataset.done) {
            window.location = status.dataset.done + job.article_id;  // an import: on to its article
            return;
          }
          if (!job || (reloaded && job.state !== "running" && job.state !== "waiting")) {
            // the page was rendered with the finished job's result: nothing more to follow
            buttons.forEach(function (b) { b.disabled = false; });
            return;
          }
          showJob(status, job);
          if (job.state === "running") {
            setTimeout(poll, 500);
          } else if (job.state === "waiting") {
            setTimeout(poll, 1000);
          } else if (job.state === "done") {
            // the result stays on the page after the reload (?job=ID), with the sources that changed marked
            setTimeout(function () { window.location = window.location.pathname + "?job=" + jobId; }, 800);
          }
        });
    }
    poll();
  }

  function wireRechecks() {
    document.querySelectorAll("form[data-recheck]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        fetch(form.action, { method: "POST", credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (job) { follow(job.id); });
      });
    });
    var running = new URLSearchParams(window.location.search).get("job");
    if (running && /^[0-9a-f]+$/.test(running)) follow(running, true);
  }

  function wireQuoteCheck() {
    var quote = document.getElementById("quote");
    var article = document.getElementById("article");
    var hint = document.getElementById("quote-hint");
    if (!quote || !article || !hint) return;
    var timer = null;
    function check() {
      if (!quote.value.trim()) { hint.textContent = ""; return; }
      var url = hint.dataset.url + "?article=" + encodeURIComponent(article.value) + "&quote=" + encodeURIComponent(quote.value);
      fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (res) {
        var stops = res.stops, tail = function (t, n) { var w = t.split(/\s+/); return w.length > n ? "… " + w.slice(-n).join(" ") : t; };
        var head = function (t, n) { var w = t.split(/\s+/); return w.length > n ? w.slice(0, n).join(" ") + " …" : t; };
        hint.textContent = res.found ? "✓ found in the article"
          : stops && stops.matched ? "✗ matches up to “" + tail(stops.matched, 6) + "”, then the article reads “" + head(stops.article, 6) + "” where you typed “" + head(stops.typed, 6) + "”"
          : "✗ not in the article's text";
        hint.className = "field-hint " + (res.found ? "ok" : "bad");
      });
    }
    quote.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 250); });
    article.addEventListener("change", check);
  }

  // Beside every URL field that names its check: what the address policy says of the address typed.
  function wireAddressCheck(input) {
    if (!input.dataset.addressCheck || input.dataset.wired) return;
    input.dataset.wired = "1";
    var note = document.createElement("p");
    note.className = "field-warning";
    note.hidden = true;
    note.setAttribute("aria-live", "polite");
    (input.closest("label") || input).insertAdjacentElement("afterend", note);
    // the live note takes over from the one the server wrote when the form came back
    var box = input.closest("fieldset");
    if (box) box.querySelectorAll(".server-warning").forEach(function (e) { e.remove(); });
    var timer = null;
    function check() {
      if (!/^https?:\/\/./i.test(input.value.trim())) { note.hidden = true; return; }
      fetch(input.dataset.addressCheck + "?url=" + encodeURIComponent(input.value.trim()), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (res) { note.textContent = res.warning || ""; note.hidden = !res.warning; });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 400); });
    input.addEventListener("change", check);
    if (input.value) check();
  }

  function wireAddressChecks() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-address-check]"), wireAddressCheck);
  }

  function wireSourceRows() {
    var button = document.getElementById("add-source-row");
    var box = document.getElementById("sources");
    if (!button || !box) return;
    button.addEventListener("click", function () {
      var rows = box.querySelectorAll(".source-row");
      var last = rows[rows.length - 1];
      var n = parseInt(last.dataset.n, 10) + 1;
      var row = last.cloneNode(true);
      row.dataset.n = n;
      row.querySelector("legend").textContent = "Source " + (rows.length + 1);
      row.querySelectorAll("input, textarea, select").forEach(function (field) {
        field.name = field.name.replace(/^source_\d+_/, "source_" + n + "_");
        if (field.tagName !== "SELECT") field.value = "";
      });
      row.querySelectorAll(".field-error, .field-warning").forEach(function (e) { e.remove(); });
      row.querySelectorAll("[id]").forEach(function (e) { e.id = e.id.replace(/^field-source_\d+_/, "field-source_" + n + "_"); });
      row.querySelectorAll("input[data-address-check]").forEach(function (input) { delete input.dataset.wired; });
      box.appendChild(row);
      row.querySelectorAll("input[data-address-check]").forEach(wireAddressCheck);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireRechecks();
    wireQuoteCheck();
    wireAddressChecks();
    wireSourceRows();
  });
})();
