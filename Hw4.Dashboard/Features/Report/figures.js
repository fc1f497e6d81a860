// Draws every figure of an Hw4 homework report: each <script type="application/json" class="hw4-figure"> holds a
// Plotly figure ({data, layout}) for the element named by its data-chart attribute. No modebar: a report is read or printed.
(function () {
  'use strict';
  var config = { displaylogo: false, displayModeBar: false, responsive: true };
  document.querySelectorAll('script.hw4-figure').forEach(function (script) {
    var target = document.getElementById(script.getAttribute('data-chart'));
    if (!target) return;
    var figure = JSON.parse(script.textContent);
    Plotly.newPlot(target, figure.data, figure.layout, config);
  });
})();
