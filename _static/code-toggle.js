/* One switch for all code on a page: folded by default for readers, shown on request.
 *
 * The button sits first among the article's header buttons. Its state is remembered in
 * localStorage, so a reader who wants the code sees it on every page. Without JavaScript
 * nothing is folded (the class that hides code is set here only). Print always hides code
 * (book.css).
 */
(function () {
  "use strict";
  var KEY = "clusternet-show-code";
  var root = document.documentElement;

  function shown() {
    try {
      return window.localStorage.getItem(KEY) === "yes";
    } catch (error) {
      return false;
    }
  }

  function apply(showCode, button) {
    root.classList.toggle("code-folded", !showCode);
    if (button) {
      button.setAttribute("aria-pressed", showCode ? "true" : "false");
      button.textContent = showCode ? "Hide code" : "Show code";
      button.title = showCode ? "Hide every code cell on this page" : "Show every code cell on this page";
    }
  }

  // fold before the first paint when the page has code
  apply(shown(), null);

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("div.cell_input, details.hide.above-input")) {
      root.classList.remove("code-folded");
      return; // a page without code needs no switch
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm code-toggle";
    var bar = document.querySelector(".article-header-buttons") || document.querySelector("article");
    bar.insertBefore(button, bar.firstChild);
    apply(shown(), button);
    button.addEventListener("click", function () {
      var showCode = root.classList.contains("code-folded");
      try {
        window.localStorage.setItem(KEY, showCode ? "yes" : "no");
      } catch (error) {
        /* private mode: the choice lasts for this page only */
      }
      apply(showCode, button);
    });
  });
})();
