// 职标 Zhibiao：职业能力培养矩阵按工作领域筛选（builder/site/matrix.py）。
// Progressive: without this script the whole matrix is shown. No inline script or handler
// attribute (the pages' Content-Security-Policy forbids them); text goes in as textContent.
(function () {
  "use strict";

  function setup(block) {
    if (block.querySelector(".zb-matrix-filter")) return;
    var table = block.querySelector("table.zb-matrix");
    if (!table) return;
    var groups = table.querySelectorAll("tr.zb-domain-row");
    if (groups.length < 2) return;
    var label = document.createElement("label");
    label.className = "zb-matrix-filter";
    label.appendChild(document.createTextNode("按工作领域筛选："));
    var select = document.createElement("select");
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "全部工作领域";
    select.appendChild(all);
    Array.prototype.forEach.call(groups, function (row) {
      var option = document.createElement("option");
      option.value = row.getAttribute("data-domain") || "";
      option.textContent = row.querySelector("th").textContent;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      var wanted = select.value;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = wanted !== "" && row.getAttribute("data-domain") !== wanted;
      });
    });
    label.appendChild(select);
    block.insertBefore(label, block.firstChild);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".zb-matrix-block"), setup);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
