// The language switcher leads to the same page in the other variant; keep the
// reader's place on it too (a glossary entry's #id, a heading's anchor).
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
  if (!link || !location.hash) return;
  var target = new URL(link.href, location.href);
  if (!target.hash) {
    target.hash = location.hash;
    link.href = target.href;
  }
}, true);
