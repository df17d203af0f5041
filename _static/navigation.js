/*
 * Working sidebar toggles on every viewport.
 *
 * pydata-sphinx-theme 0.17.1 binds its click handler to the FIRST `.primary-toggle` /
 * `.secondary-toggle` on the page, which sphinx-book-theme 1.3.0 hides; the visible buttons
 * in the book theme's header then do nothing (a known upstream issue). This script gives
 * every visible toggle the behaviour a reader expects:
 * - narrow screens (< 960 px, where the sidebars are hidden): open the theme's sidebar
 *   dialog, by clicking the hidden button that carries the theme's own handler;
 * - wide screens: show or hide the sidebar in place (`cn-hide-primary` / `cn-hide-secondary`
 *   on <body>), and say so in `aria-expanded`.
 * tests/test_browser.py taps the toggles at 390 px and 1280 px.
 */
(function () {
  "use strict";
  var WIDE = "(min-width: 960px)";
  var KINDS = [
    { selector: ".primary-toggle", sidebar: ".bd-sidebar-primary", flag: "cn-hide-primary" },
    { selector: ".secondary-toggle", sidebar: ".bd-sidebar-secondary", flag: "cn-hide-secondary" },
  ];

  function bind() {
    KINDS.forEach(function (kind) {
      var buttons = Array.prototype.slice.call(document.querySelectorAll(kind.selector));
      if (buttons.length < 2) return; // the theme's own handler is enough
      var themed = buttons[0];
      buttons.slice(1).forEach(function (button) {
        button.setAttribute("aria-expanded", "true");
        button.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          if (window.matchMedia(WIDE).matches && document.querySelector(kind.sidebar)) {
            var hidden = document.body.classList.toggle(kind.flag);
            button.setAttribute("aria-expanded", hidden ? "false" : "true");
          } else {
            themed.click();
          }
        });
      });
    });
  }

  // The chapter list is a landmark of its own: the book's title at its top was outside every
  // landmark (axe-core "region"), so a screen reader's landmark list skipped it.
  function landmark() {
    var sidebar = document.querySelector(".bd-sidebar-primary");
    if (sidebar && !sidebar.hasAttribute("role")) {
      sidebar.setAttribute("role", "complementary");
      sidebar.setAttribute("aria-label", "Chapters");
    }
  }

  function setup() {
    landmark();
    bind();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
