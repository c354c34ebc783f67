/*
 * The clerks' admin, enhanced (everything works without it):
 * - a note of the import report that points at a field opens the folded agenda item the field
 *   is in and puts the cursor in the field;
 * - leaving a meeting's or an item's form with unsaved changes asks first (the browser's own
 *   "leave the page?" question). Saving the form itself never asks.
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
    // The address stays as it is: a fragment would follow the form's next save and redirects.
    if (focusTarget(link.getAttribute("data-report-focus"))) event.preventDefault();
  });

  // A form has unsaved changes when a field differs from what the page was loaded with. A page
  // shown again with errors holds what the clerk sent, which is not saved either.
  function differs(field) {
    if (field.disabled || !field.name) return false;
    if (field.type === "checkbox" || field.type === "radio") {
      return field.checked !== field.defaultChecked;
    }
    if (field.type === "file") return field.files && field.files.length > 0;
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (option) {
        return option.selected !== option.defaultSelected;
      });
    }
    if (field.type === "hidden" || field.type === "submit" || field.type === "button") {
      return false;
    }
    return "defaultValue" in field && field.value !== field.defaultValue;
  }

  function watch(form) {
    var submitting = false;
    var sentWithErrors = !!form.querySelector(".errornote, .errorlist");
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("pageshow", function () {
      submitting = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (submitting) return;
      if (!sentWithErrors && !Array.prototype.some.call(form.elements, differs)) return;
      event.preventDefault();
      event.returnValue = "";
    });
  }

  function start() {
    var form = document.querySelector("form#meeting_form, form#agendaitem_form");
    if (form) watch(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
