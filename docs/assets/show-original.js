// Show the original wording on converted pages. Words that conversion changed
// are marked span.converted, the original in data-original (an attribute, so
// it is never part of the page text or the search index). Hover, keyboard
// focus or a tap shows it in one floating tip (position: fixed, so nothing
// moves); the page's toggle shows every original inline, and is remembered.
(function () {
  var STORE = "show-originals";

  function remembered() {
    try { return window.localStorage.getItem(STORE) === "1"; } catch (error) { return false; }
  }

  function remember(on) {
    try { window.localStorage.setItem(STORE, on ? "1" : "0"); } catch (error) { /* private mode */ }
  }

  function setup() {
    var spans = document.querySelectorAll(".md-typeset .converted[data-original]");
    var toggle = document.querySelector(".original-toggle");
    if (!spans.length) return;
    var label = toggle ? toggle.getAttribute("data-label") || "" : "";
    var tip = document.createElement("div");
    tip.id = "original-tip";
    tip.className = "original-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null;

    function place(span) {
      var box = span.getBoundingClientRect();
      var width = tip.offsetWidth, height = tip.offsetHeight;
      var room = document.documentElement.clientWidth;
      var left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, room - width - 8));
      var top = box.top - height - 6;
      if (top < 8) top = box.bottom + 6;
      tip.style.left = left + "px";
      tip.style.top = top + "px";
    }

    function show(span) {
      if (current && current !== span) current.removeAttribute("aria-describedby");
      current = span;
      tip.textContent = label + span.getAttribute("data-original");
      tip.hidden = false;
      span.setAttribute("aria-describedby", tip.id);
      span.classList.add("is-showing");
      place(span);
    }

    function hide() {
      if (current) {
        current.removeAttribute("aria-describedby");
        current.classList.remove("is-showing");
      }
      current = null;
      tip.hidden = true;
    }

    Array.prototype.forEach.call(spans, function (span) {
      span.addEventListener("mouseenter", function () { show(span); });
      span.addEventListener("mouseleave", function () { if (document.activeElement !== span) hide(); });
      span.addEventListener("focus", function () { show(span); });
      span.addEventListener("blur", function () { if (current === span) hide(); });
      span.addEventListener("click", function () { show(span); });
    });
    // A tap elsewhere, Escape, or the page moving away from the word closes the tip.
    document.addEventListener("click", function (event) {
      if (current && !(event.target.closest && event.target.closest(".converted"))) hide();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") hide();
    });
    window.addEventListener("scroll", function () { if (current) place(current); }, { passive: true });
    window.addEventListener("resize", function () { if (current) place(current); });

    if (toggle) {
      var set = function (on) {
        document.documentElement.classList.toggle("show-originals", on);
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
      };
      set(remembered());
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var on = toggle.getAttribute("aria-pressed") !== "true";
        set(on);
        remember(on);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
