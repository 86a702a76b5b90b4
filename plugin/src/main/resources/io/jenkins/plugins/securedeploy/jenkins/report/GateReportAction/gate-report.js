// Severity filter of the gate report page (loaded as an adjunct: no inline script, CSP-friendly).
document.addEventListener("DOMContentLoaded", function () {
  var boxes = document.querySelectorAll(".sd-severity-filter");
  function apply() {
    var shown = {};
    boxes.forEach(function (b) { shown[b.dataset.severity] = b.checked; });
    document.querySelectorAll(".sd-findings tbody tr").forEach(function (row) {
      row.style.display = shown[row.dataset.severity] === false ? "none" : "";
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
});
