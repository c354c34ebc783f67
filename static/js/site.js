/*
 * Progressive enhancement only: every page works the same without this file.
 *
 * 1. Answering the cookie banner keeps the visitor's place. The forms post `next`, the page's
 *    path; the server never sees the #fragment, so it is added here (a journalist's link to
 *    #punkt-3 returns to item 3), and the scroll position is kept for the page that comes back.
 * 2. The confirmation after a choice hides in place; without this file its "Skjul" link loads
 *    the page again, which no longer shows it.
 * 3. Each "Citér" block gets a button that copies its citation and says "Kopieret" in the
 *    block's status line, which screen readers announce; without this file the citation is
 *    plain text to select.
 */
(function () {
  "use strict";

  var PLACE_KEY = "almenbolig:sted";

  function here() {
    return location.pathname + location.search + location.hash;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-keep-place")) return;
    var next = form.querySelector('input[name="next"]');
    if (!next) return;
    next.value = here();
    try {
      sessionStorage.setItem(PLACE_KEY, JSON.stringify({ url: next.value, y: window.scrollY }));
    } catch (error) {
      // Storage switched off: the #fragment alone still brings the visitor back near their place.
    }
  });

  function restorePlace() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(PLACE_KEY) || "null");
      sessionStorage.removeItem(PLACE_KEY);
    } catch (error) {
      return;
    }
    if (saved && saved.url === here() && typeof saved.y === "number") {
      window.scrollTo(0, saved.y);
    }
  }

  function enhanceConfirmation() {
    var link = document.querySelector("[data-hide-confirmation]");
    if (!link) return;
    var bar = link.closest("[data-cookie-confirmation]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.innerHTML = link.innerHTML;
    button.addEventListener("click", function () {
      bar.remove();
      // Focus would be lost with the button; the content takes it, where the visitor already is.
      var main = document.getElementById("indhold");
      if (main) main.focus({ preventScroll: true });
    });
    link.replaceWith(button);
  }

  function copyText(text, source) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http (a test server, an intranet): select the text and let the browser copy it.
    return new Promise(function (resolve, reject) {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try {
        if (document.execCommand("copy")) resolve(); else reject(new Error("copy"));
      } catch (error) {
        reject(error);
      }
    });
  }

  function enhanceCitations() {
    var blocks = document.querySelectorAll("[data-citation]");
    Array.prototype.forEach.call(blocks, function (block) {
      var source = document.getElementById(block.getAttribute("data-citation"));
      var status = block.querySelector(".citation__status");
      if (!source || !status) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary citation__copy";
      button.textContent = "Kopiér citatet";
      button.addEventListener("click", function () {
        status.textContent = "";
        copyText(source.textContent.trim(), source).then(
          function () {
            status.textContent = "Kopieret";
          },
          function () {
            status.textContent = "Kunne ikke kopiere. Markér teksten, og kopiér den selv.";
          }
        );
      });
      status.parentNode.insertBefore(button, status);
    });
  }

  enhanceConfirmation();
  enhanceCitations();
  if (document.readyState === "complete") {
    restorePlace();
  } else {
    // After the browser's own jump to the #fragment, which happens as the page loads.
    window.addEventListener("load", restorePlace);
  }
})();
