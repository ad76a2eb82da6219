// Client-side FAQ search: hides entries that do not contain every typed word.
// Text is NFC-normalised on both sides so Hangul typed through an IME (or pasted in decomposed
// jamo) matches the stored syllables.
(function () {
  "use strict";
  var box = document.getElementById("faq-search");
  var status = document.getElementById("faq-search-status");
  var noMatch = document.getElementById("faq-no-match");
  var entries = Array.prototype.slice.call(document.querySelectorAll(".faq-entry"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".faq-group")).reverse(); // innermost first
  var norm = function (s) { return s.normalize("NFC").toLocaleLowerCase(); };
  var texts = entries.map(function (e) { return norm(e.textContent); });

  function apply() {
    var words = norm(box.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (entry, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      entry.hidden = !hit;
      if (hit) { shown += 1; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector(".faq-entry:not([hidden])"); });
    status.textContent = words.length ? shown + " of " + entries.length + " questions shown" : "";
    noMatch.hidden = shown > 0;
  }
  box.addEventListener("input", apply);
  apply();
})();
