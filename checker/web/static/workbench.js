// The workbench's small behaviours: charts, rechecks with progress, the live quote check, source rows.
(function () {
  "use strict";

  function drawCharts() {
    var data = document.getElementById("checker-charts");
    if (!data || !window.Plotly) return;
    var charts = JSON.parse(data.textContent);
    var places = {
      "chart-verdict-health": charts.verdict_health,
      "chart-outcomes": charts.outcomes_by_day,
      "chart-figures": charts.figures,
    };
    Object.keys(places).forEach(function (id) {
      var el = document.getElementById(id);
      if (el && places[id]) {
        var layout = Object.assign({ margin: { t: 40, r: 10, b: 60, l: 60 }, height: 320 }, places[id].layout);
        window.Plotly.newPlot(el, places[id].data, layout, { displaylogo: false, responsive: true });
      }
    });
  }

  function showJob(status, job) {
    status.hidden = false;
    if (job.state === "running") {
      status.textContent = "Rechecking… " + job.done + " of " + (job.total || "?") + " sources checked";
    } else if (job.state === "done") {
      status.textContent = "Done: " + job.summary + ". Reloading…";
    } else {
      status.textContent = "The recheck failed: " + job.error;
    }
  }

  function follow(jobId) {
    var status = document.getElementById("job-status");
    if (!status) return;
    document.querySelectorAll("form[data-recheck] button").forEach(function (b) { b.disabled = true; });
    function poll() {
      fetch(status.dataset.jobs + jobId + ".json", { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          showJob(status, job);
          if (job.state === "running") {
            setTimeout(poll, 500);
          } else if (job.state === "done") {
            setTimeout(function () { window.location = window.location.pathname; }, 800);
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
    if (running && /^[0-9a-f]+$/.test(running)) follow(running);
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
        hint.textContent = res.found ? "✓ found in the article" : "✗ not in the article's text";
        hint.className = "field-hint " + (res.found ? "ok" : "bad");
      });
    }
    quote.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 250); });
    article.addEventListener("change", check);
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
      row.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
      box.appendChild(row);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    wireRechecks();
    wireQuoteCheck();
    wireSourceRows();
  });
})();
