/* Tables on a narrow screen: the caption stays put while a wide table scrolls sideways, and
 * a reader using the keyboard can scroll any scrolling box of the article.
 *
 * A table wider than the text scrolls inside its own box (book.css); its <caption> would
 * scroll with it, half off screen on a phone. The caption's content moves to a paragraph
 * just above the scrolling box, and the table keeps it as its accessible name.
 */
(function () {
  "use strict";
  var counter = 0;

  function scroller(table) {
    for (var box = table.parentElement; box && box.tagName !== "ARTICLE"; box = box.parentElement) {
      if (/(auto|scroll)/.test(getComputedStyle(box).overflowX)) { return box; }
    }
    return null;
  }

  function liftCaption(table) {
    var caption = table.querySelector(":scope > caption");
    var box = caption && scroller(table);
    if (!box) { return; }
    var lifted = document.createElement("div");
    lifted.className = "table-caption";
    lifted.id = (table.id || "table-" + (counter += 1)) + "-caption";
    while (caption.firstChild) { lifted.appendChild(caption.firstChild); }
    caption.remove();
    box.parentNode.insertBefore(lifted, box);
    table.setAttribute("aria-labelledby", lifted.id);
  }

  function keyboardScrolling() {
    document.querySelectorAll("article pre, article div.highlight, article .table-wrapper, article .pst-scrollable-table-container, article .cell_output .output")
      .forEach(function (box) {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.setAttribute("tabindex", "0");
        }
      });
  }

  function setup() {
    document.querySelectorAll("article table").forEach(liftCaption);
    keyboardScrolling();
    // widths change as web fonts arrive and when the window is resized
    window.addEventListener("load", keyboardScrolling);
    window.addEventListener("resize", keyboardScrolling);
    if (document.fonts) { document.fonts.ready.then(keyboardScrolling); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
