// Live figures: the page is complete without this file; with it, the figures follow the
// server-sent events of /live/stream. Text is set with textContent only (no HTML from data).
(function () {
  "use strict";
  var marker = document.querySelector("[data-live-stream]");
  if (!marker || !window.EventSource) return;
  var state = document.querySelector("[data-live-state]");
  var source = new EventSource(marker.getAttribute("data-live-stream"));

  function rows(body, items) {
    while (body.firstChild) body.removeChild(body.firstChild);
    items.forEach(function (item) {
      var tr = document.createElement("tr");
      item.forEach(function (cell, i) {
        var td = document.createElement("td");
        td.textContent = cell;
        if (i > 0) td.className = "num";
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function list(ul, items) {
    while (ul.firstChild) ul.removeChild(ul.firstChild);
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      ul.appendChild(li);
    });
  }

  source.onopen = function () { if (state) state.hidden = false; };
  source.onerror = function () { if (state) state.hidden = true; };
  source.onmessage = function (event) {
    var values = JSON.parse(event.data);
    document.querySelectorAll("[data-live]").forEach(function (el) {
      var key = el.getAttribute("data-live");
      if (typeof values[key] === "string") el.textContent = values[key];
    });
    document.querySelectorAll("[data-live-rows]").forEach(function (el) {
      var items = values[el.getAttribute("data-live-rows")];
      if (Array.isArray(items)) rows(el, items);
    });
    document.querySelectorAll("[data-live-list]").forEach(function (el) {
      var items = values[el.getAttribute("data-live-list")];
      if (Array.isArray(items)) list(el, items);
    });
    var health = document.querySelector("[data-live-health]");
    if (health && typeof values.healthy === "boolean") {
      health.classList.toggle("ok", values.healthy);
      health.classList.toggle("bad", !values.healthy);
    }
    document.dispatchEvent(new CustomEvent("live-update"));
  };
})();
