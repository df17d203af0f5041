/* Figures' downloads (clusternet.sphinx_figures): the citation shows the page's full address,
 * tapping a figure opens its 300-dpi PNG (sharp when zoomed on a phone), and a figure too
 * dense for a phone's column keeps a readable width there and scrolls sideways. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var blocks = document.querySelectorAll(".figure-downloads");
    Array.prototype.forEach.call(blocks, function (block) {
      var cite = block.querySelector(".figure-cite-url");
      if (cite && !/^https?:/.test(cite.getAttribute("data-page"))) {
        cite.textContent = new URL(cite.getAttribute("data-page"), window.location.href).href;
      }
      var figure = document.getElementById(block.getAttribute("data-figure"));
      var png = block.querySelector('a[href$=".png"]');
      var image = figure && figure.querySelector("img");
      if (!image || !png) {
        return;
      }
      // too dense for a phone's column: keep the width where its text is 9 px, scroll sideways
      var phoneWidth = parseInt(block.getAttribute("data-phone-width") || "0", 10);
      if (phoneWidth > 0) {
        image.style.minWidth = phoneWidth + "px";
      }
      var link = image.closest("a");
      if (!link) {
        link = document.createElement("a");
        link.className = "figure-zoom";
        image.parentNode.insertBefore(link, image);
        link.appendChild(image);
      }
      link.href = png.getAttribute("href");
      link.setAttribute("aria-label", "Open the figure at full size (PNG, 300 dpi)");
      link.title = "Open the figure at full size";
    });
  });
})();
