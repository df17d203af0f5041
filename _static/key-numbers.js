// Filter the key-numbers table by chapter and kind (the key-numbers page only).
(function () {
  "use strict";
  function setup() {
    var form = document.querySelector("form.key-numbers-filter");
    var table = document.querySelector("table.key-numbers");
    if (!form || !table) { return; }
    var selects = form.querySelectorAll("select[data-filter]");
    var count = form.querySelector(".key-numbers-count");
    var rows = table.querySelectorAll("tbody tr");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = true;
        selects.forEach(function (select) {
          var wanted = select.value;
          if (wanted && row.getAttribute("data-" + select.getAttribute("data-filter")) !== wanted) {
            keep = false;
          }
        });
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      if (count) { count.textContent = shown + " of " + rows.length + " numbers shown"; }
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
