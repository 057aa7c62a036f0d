// A part of the page that follows the server: when its event stream says "changed", the part
// is fetched again and swapped in (server-rendered, escaped HTML from this site only). While
// someone types in it, the swap waits until they leave the field, so no typing is lost.
(function () {
  "use strict";
  document.querySelectorAll("[data-refresh-stream]").forEach(function (part) {
    if (!window.EventSource || !window.fetch) return;
    var from = part.getAttribute("data-refresh-from");
    var waiting = false;
    var busy = false;

    function typing() {
      var active = document.activeElement;
      return active && part.contains(active) &&
        (active.tagName === "INPUT" || active.tagName === "TEXTAREA" || active.tagName === "SELECT");
    }

    function openDetails() {
      return Array.prototype.map.call(part.querySelectorAll("details[open]"), function (d) {
        var item = d.closest("[id]");
        return item ? item.id : null;
      });
    }

    function refresh() {
      if (busy) { waiting = true; return; }
      if (typing()) { waiting = true; return; }
      busy = true;
      var keep = openDetails();
      fetch(from, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null) {
            part.innerHTML = html;
            keep.forEach(function (id) {
              var item = id && document.getElementById(id);
              var details = item && item.querySelector("details");
              if (details) details.open = true;
            });
            part.dispatchEvent(new CustomEvent("refreshed", { bubbles: true }));
          }
        })
        .finally(function () {
          busy = false;
          if (waiting) { waiting = false; refresh(); }
        });
    }

    part.addEventListener("focusout", function () {
      if (waiting) { setTimeout(function () { if (!typing()) { waiting = false; refresh(); } }, 0); }
    });
    var source = new EventSource(part.getAttribute("data-refresh-stream"));
    source.onmessage = function (event) { if (event.data === "changed") refresh(); };
  });
})();
