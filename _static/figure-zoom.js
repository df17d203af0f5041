/* Tap a figure to open it at full size (where a phone can pinch-zoom it).
 *
 * Figures are drawn wider than a phone's screen; shrunk to fit, their labels are small.
 * Each figure image becomes a link to the image file itself, named for screen readers.
 */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var images = document.querySelectorAll("article figure img, article .cell_output img");
    Array.prototype.forEach.call(images, function (image) {
      if (image.closest("a")) {
        return; // already a link
      }
      var link = document.createElement("a");
      link.href = image.getAttribute("src");
      link.className = "figure-zoom";
      link.setAttribute("aria-label", "Open the figure at full size");
      link.title = "Open the figure at full size";
      image.parentNode.insertBefore(link, image);
      link.appendChild(image);
    });
  });
})();
