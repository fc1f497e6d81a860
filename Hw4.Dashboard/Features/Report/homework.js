// Draws the autograd and denoising charts of the Hw4 homework report from the JSON embedded in the page.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('hw4-homework-data').textContent);
  var config = { displaylogo: false, responsive: true, staticPlot: false };
  function plot(id, traces, layout) {
    var el = document.getElementById(id);
    if (el) Plotly.newPlot(el, traces, Object.assign({ margin: { t: 48, r: 16, b: 56, l: 64 }, legend: { orientation: 'h', y: -0.25 } }, layout), config);
  }
  var t = data.taylor;
  plot('chart-taylor', [
    { x: t.xs, y: t.grads, name: 'dz/dx (autograd)', mode: 'markers' },
    { x: t.xs, y: t.xs.map(Math.cos), name: 'cos x', mode: 'lines' }
  ], { title: { text: 'dz/dx over ' + t.xs.length + ' points against cos x' }, xaxis: { title: { text: 'x' } }, yaxis: { title: { text: 'value' } } });
  plot('chart-terms', [{ x: data.terms.map(function (e) { return e.terms; }), y: data.terms.map(function (e) { return e.error; }), mode: 'lines+markers', name: 'max error' }],
    { title: { text: 'max |dz/dx − cos x| against the number of terms' }, xaxis: { title: { text: 'terms' }, dtick: 1 }, yaxis: { title: { text: 'max error' }, type: 'log' } });
  var loss = [], psnr = [];
  data.denoise.forEach(function (d) {
    loss.push({ x: d.steps.map(function (s) { return s.step; }), y: d.steps.map(function (s) { return s.loss; }), name: d.label, mode: 'lines' });
    psnr.push({ x: d.steps.map(function (s) { return s.step; }), y: d.steps.map(function (s) { return s.psnr; }), name: d.label, mode: 'lines' });
  });
  if (loss.length) {
    plot('chart-denoise-loss', loss, { title: { text: 'Denoising loss per step' }, xaxis: { title: { text: 'step' } }, yaxis: { title: { text: 'loss' }, type: 'log' } });
    plot('chart-denoise-psnr', psnr, { title: { text: 'PSNR per step (dB)' }, xaxis: { title: { text: 'step' } }, yaxis: { title: { text: 'PSNR (dB)' } } });
  }
})();
