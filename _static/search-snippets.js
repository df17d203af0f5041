/* Search result snippets in words, not LaTeX or code (the search page only).
 *
 * Sphinx builds each snippet from the text of the result's page, where mathematics is still
 * its TeX source ("\(\lambda\)", "\frac{C}{L}") and folded code cells count as text. Before
 * Sphinx reads a page, its formulas are turned into plain symbols and its code cells are
 * dropped (readers see code only on request).
 */
(function () {
  "use strict";
  var SYMBOLS = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", lambda: "λ", Lambda: "Λ",
    mu: "μ", pi: "π", rho: "ρ", sigma: "σ", Sigma: "Σ", tau: "τ", omega: "ω", phi: "φ",
    sum: "Σ", prod: "Π", le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠",
    times: "×", cdot: "·", to: "→", approx: "≈", infty: "∞", lor: "or", land: "and",
    lvert: "|", rvert: "|", ldots: "…", dots: "…", pm: "±", in: "∈"
  };

  function texToText(tex) {
    var text = tex.replace(/\\[()[\]]/g, " ").replace(/\$/g, "");
    for (var i = 0; i < 3; i++) { // nested \frac{\text{a}}{b}
      text = text.replace(/\\d?frac\{([^{}]*)\}\{([^{}]*)\}/g, "($1)/($2)")
        .replace(/\\(?:text|mathrm|mathit|mathbf|operatorname|textrm)\{([^{}]*)\}/g, "$1");
    }
    text = text.replace(/\\([A-Za-z]+)/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(SYMBOLS, name) ? SYMBOLS[name] : name;
    });
    return text.replace(/\\[,;:! ]/g, " ").replace(/\\/g, "").replace(/[{}]/g, "").replace(/[ \t]+/g, " ");
  }

  function readable(htmlString) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll("div.cell_input, details.above-input").forEach(function (code) { code.remove(); });
    page.querySelectorAll(".math").forEach(function (formula) {
      var walker = page.createTreeWalker(formula, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        node.data = texToText(node.data);
      }
    });
    return page.documentElement.outerHTML;
  }

  function install() {
    if (typeof Search === "undefined" || Search.clusternetReadable) { return; }
    var htmlToText = Search.htmlToText;
    Search.htmlToText = function (htmlString, anchor) {
      return htmlToText(readable(htmlString), anchor);
    };
    Search.clusternetReadable = true;
  }

  window.clusternetTexToText = texToText; // for the browser test
  install();
  document.addEventListener("DOMContentLoaded", install);
})();
