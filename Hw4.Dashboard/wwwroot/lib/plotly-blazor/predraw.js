// Draws a page's main chart before Blazor's circuit has started, from the Plotly figure in its HTML, and hands it to its
// LineChart once the circuit has made that (see LineChart.PredrawKey).
//
// A prerendered LineChart with a predraw key writes its first figure as <script type="application/json"
// data-predraw-figure="KEY">; the server-drawn sketch in its place holds an empty <div data-predraw-home="KEY">. As soon
// as plotly.js has run (the async script App.razor puts in a chart page's head), the figure is drawn into its home, over
// the sketch: hover, zoom and the modebar work while the circuit is still to start. The circuit's first render replaces
// the prerendered markup, homes included; a drawn chart (the element plotly.js keeps its state on) then moves into the
// new home of its key, before the browser paints. When the LineChart of that key draws for the first time, interop.js
// adopts the drawn chart (adopt, below) and brings it to the circuit's figure instead of drawing another.

// key -> the drawn chart's element, until its LineChart adopts it or its sketch is gone.
const drawn = new Map();

// Moves drawn charts to their homes after Blazor's renders, until none is left to hand over. Made with the module (a
// page with a figure only), before the page's other observers: they see the chart in its new home, not in between.
let observer;

// True once the figures were drawn (or could not be): the observer may stop when no drawn chart is left.
let settled = false;

const homeOf = key => document.querySelector(`[data-predraw-home="${CSS.escape(key)}"]`);

// The LineChart of `key` takes its drawn chart, if there is one: the sketch the chart covered hides with it (it stays
// over the LineChart until the circuit removes it).
export function adopt(key) {
    const chart = key ? drawn.get(key) : undefined;
    if (!chart) return undefined;
    drawn.delete(key);
    chart.parentElement?.setAttribute('data-handed-over', '');
    return chart;
}

function rehome() {
    for (const [key, chart] of drawn) {
        const home = homeOf(key);
        if (home) {
            if (chart.parentElement !== home) home.appendChild(chart);
        } else if (!chart.isConnected) {
            // The sketch went before the LineChart took its chart (the view changed what it shows, or the page was left).
            drawn.delete(key);
            window.Plotly.purge(chart);
        }
    }
    if (settled && drawn.size === 0) observer?.disconnect();
}

function draw(figure) {
    const key = figure.dataset.predrawFigure;
    const home = homeOf(key);
    if (!home) return;
    const chart = document.createElement('div');
    try {
        const { data, layout, config } = JSON.parse(figure.textContent);
        home.appendChild(chart);
        drawn.set(key, chart);
        window.Plotly.newPlot(chart, data, layout, config).catch(e => forget(key, chart, e));
    } catch (e) {
        forget(key, chart, e);
    }
}

// A chart that could not be drawn here is left to its LineChart, which draws it in the circuit as it would without this.
function forget(key, chart, error) {
    console.warn(`Hw4: the chart "${key}" could not be drawn before the circuit; it is drawn once the circuit is up.`, error);
    if (drawn.get(key) === chart) drawn.delete(key);
    chart.remove();
}

// Resolves once the page's figures are drawn, at once when it has none (a page reached inside the app imports this
// module through interop.js: its markup holds no figure), and without a drawing when plotly.js did not run (the
// window's load event comes after the async script has run or failed). The circuit waits for it
// (Hw4.Dashboard.lib.module.js): plotly.js and the circuit's start would otherwise share the CPU, and the chart would
// wait for both.
export const figuresDrawn = new Promise(resolve => {
    const figures = [...document.querySelectorAll('script[data-predraw-figure]')];
    const plotlyScript = document.getElementById('hw4-plotly'); // PlotlyBundle.ScriptElementId: the page's async plotly.js
    const drawAll = () => {
        if (settled) return;
        try {
            if (window.Plotly) figures.forEach(draw);
        } finally {
            settled = true;
            rehome();
            resolve();
        }
    };
    if (figures.length > 0) {
        observer = new MutationObserver(rehome);
        observer.observe(document.body, { childList: true, subtree: true });
    }
    if (figures.length === 0 || !plotlyScript || window.Plotly) {
        drawAll();
    } else {
        plotlyScript.addEventListener('load', drawAll, { once: true });
        window.addEventListener('load', drawAll, { once: true });
    }
});
