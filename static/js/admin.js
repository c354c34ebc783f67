/*
 * The clerks' admin, enhanced (everything works without it):
 * - a note of the import report that points at a field opens the folded agenda item the field
 *   is in and puts the cursor in the field.
 */
(function () {
  "use strict";

  var FOCUSABLE = "input:not([type=hidden]), select, textarea, button, summary, a[href]";

  function focusTarget(selector) {
    var target = selector && document.querySelector(selector);
    if (!target) return false;
    var details = target.closest("details");
    while (details) {
      details.open = true;
      details = details.parentElement && details.parentElement.closest("details");
    }
    if (!target.matches(FOCUSABLE)) target = target.querySelector(FOCUSABLE) || target;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    return document.activeElement === target;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-report-focus]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (focusTarget(link.getAttribute("data-report-focus"))) {
      event.preventDefault();
      if (window.history.replaceState) window.history.replaceState(null, "", link.hash);
    }
  });
})();
