// Announcements: the pages are complete without this file. With it, the compose form shows
// only the text boxes of the chosen mode, and the progress page follows the server-sent
// events of its stream. Text is set with textContent only (no HTML from data).
(function () {
  "use strict";

  var modes = document.querySelectorAll('input[name="mode"]');
  function showMode() {
    var chosen = document.querySelector('input[name="mode"]:checked');
    if (!chosen) return;
    document.querySelectorAll("[data-mode]").forEach(function (el) {
      el.hidden = el.getAttribute("data-mode") !== chosen.value;
    });
  }
  modes.forEach(function (input) { input.addEventListener("change", showMode); });
  showMode();

  var marker = document.querySelector("[data-progress-stream]");
  if (!marker || !window.EventSource) return;
  var state = document.querySelector("[data-progress-state]");
  var bar = document.querySelector("[data-progress-bar]");
  var stop = document.querySelector("[data-progress-stop]");
  var source = new EventSource(marker.getAttribute("data-progress-stream"));
  source.onopen = function () { if (state) state.hidden = false; };
  source.onerror = function () { if (state) state.hidden = true; };
  source.onmessage = function (event) {
    var values = JSON.parse(event.data);
    document.querySelectorAll("[data-progress]").forEach(function (el) {
      var key = el.getAttribute("data-progress");
      if (typeof values[key] === "string") el.textContent = values[key];
    });
    if (bar) {
      bar.max = values.total || 1;
      bar.value = values.done;
      bar.textContent = values.done + " / " + values.total;
    }
    if (stop && !values.stoppable) stop.hidden = true;
    if (values.finished) {
      source.close();
      if (state) state.hidden = true;
    }
    document.dispatchEvent(new CustomEvent("progress-update"));
  };
})();
