// Draws the charts of an Hw4 HTML report from the JSON embedded in the page (no network access).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('hw4-report-data').textContent);
  var runs = data.runs;
  var config = { displaylogo: false, responsive: true };
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
  function color(i) { return palette[i % palette.length]; }
  function layout(title, xTitle, yTitle, extra) {
    var l = { title: { text: title }, xaxis: { title: { text: xTitle } }, yaxis: { title: { text: yTitle } },
      margin: { t: 48, r: 16, b: 56, l: 64 }, legend: { orientation: 'h', y: -0.25 } };
    for (var k in extra || {}) l[k] = extra[k];
    return l;
  }
  function plot(id, traces, l) {
    var el = document.getElementById(id);
    if (el) Plotly.newPlot(el, traces, l, config);
  }

  var loss = [], accuracy = [], batches = [], perClass = [];
  runs.forEach(function (r, i) {
    var x = r.epochs.map(function (e) { return e.epoch; });
    loss.push({ x: x, y: r.epochs.map(function (e) { return e.val_loss; }), name: r.id + ' val', mode: 'lines+markers', line: { color: color(i) } });
    loss.push({ x: x, y: r.epochs.map(function (e) { return e.train_loss; }), name: r.id + ' train', mode: 'lines+markers', line: { color: color(i), dash: 'dash' } });
    accuracy.push({ x: x, y: r.epochs.map(function (e) { return e.val_accuracy; }), name: r.id + ' val', mode: 'lines+markers', line: { color: color(i) } });
    batches.push({ x: r.batches.map(function (b) { return b.step; }), y: r.batches.map(function (b) { return b.loss; }), name: r.id, mode: 'lines', line: { color: color(i), width: 1 } });
    if (r.evaluation) {
      var ev = r.evaluation;
      perClass.push({ type: 'bar', x: ev.classes, y: ev.classes.map(function (c) { return ev.per_class_accuracy[c]; }), name: r.id, marker: { color: color(i) },
        text: ev.classes.map(function (c) { return (100 * ev.per_class_accuracy[c]).toFixed(1) + '%'; }), textposition: 'auto' });
      plot('chart-confusion-' + i, [{ type: 'heatmap', z: ev.confusion_matrix_normalized.slice().reverse(), x: ev.classes, y: ev.classes.slice().reverse(),
        customdata: ev.confusion_matrix.slice().reverse(), colorscale: 'Blues', reversescale: true, zmin: 0, zmax: 1,
        hovertemplate: 'true %{y}<br>predicted %{x}<br>%{customdata} images (%{z:.1%})<extra></extra>' }],
        layout('Confusion matrix, ' + r.id + ' (rows: true class)', 'predicted', 'true', { height: 520, legend: undefined }));
    }
  });
  var epochAxis = { xaxis: { title: { text: 'epoch' }, dtick: 1 } };
  plot('chart-loss', loss, layout('Loss per epoch (solid: val, dashed: train)', 'epoch', 'loss', epochAxis));
  plot('chart-accuracy', accuracy, layout('Validation accuracy per epoch', 'epoch', 'accuracy',
    { xaxis: epochAxis.xaxis, yaxis: { title: { text: 'accuracy' }, tickformat: '.0%' } }));
  plot('chart-batches', batches, layout('Loss of each reported batch', 'step', 'loss'));
  if (perClass.length) plot('chart-per-class', perClass, layout('Test accuracy per class', 'class', 'accuracy', { barmode: 'group', yaxis: { title: { text: 'accuracy' }, tickformat: '.0%', range: [0, 1] } }));
})();
