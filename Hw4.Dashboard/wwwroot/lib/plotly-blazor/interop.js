// Hw4's stand-in for Plotly.Blazor's interop module: App.razor's import map points Plotly.Blazor's module URL here
// (see Hosting/PlotlyBundle.cs). Every function is Plotly.Blazor's own except two. importScript runs plotly.js from
// the one script element Hw4 owns (#hw4-plotly): a page that started it with its HTML (App.razor, pages marked
// [LoadsPlotlyWithPage]) has it parsed by the time the first chart asks, instead of parsing 1.4 MB only then, and
// never a second copy of it. newPlot adopts a chart that predraw.js drew before the circuit started.
import * as plotlyBlazor from '../../_content/Plotly.Blazor/plotly-interop-7.2.0.js?hw4';
import { adopt } from './predraw.js';

export * from '../../_content/Plotly.Blazor/plotly-interop-7.2.0.js?hw4';

// PlotlyBundle.ScriptElementId.
const scriptId = 'hw4-plotly';

// Through the import map: the bundle's fingerprinted URL, the one App.razor writes into a chart page's head.
const bundleUrl = import.meta.resolve('../plotly/plotly-cartesian-3.7.0.min.js');

// Plotly.Blazor runs its queued calls once a script it added has loaded: this one holds a comment only.
const readyUrl = import.meta.resolve('./ready.js');

let loading;

// Resolves once window.Plotly is there; rejects, naming the URL, when the script could not load or run (a later
// chart then tries again).
function loadPlotly() {
    if (window.Plotly) return Promise.resolve();
    return loading ??= new Promise((resolve, reject) => {
        let script = document.getElementById(scriptId);
        const settle = () => {
            if (window.Plotly) {
                resolve();
                return;
            }
            script.remove();
            loading = undefined;
            reject(new Error(`plotly.js did not load from ${script.src}`));
        };
        if (script) {
            // The page's own async script. It delays the window's load event, so by then it has run or failed.
            if (document.readyState === 'complete') {
                settle();
                return;
            }
            window.addEventListener('load', settle, { once: true });
        } else {
            // Reached by navigating inside the app, from a page without it: add it now.
            script = document.createElement('script');
            script.id = scriptId;
            script.src = bundleUrl;
            script.async = true;
            document.head.appendChild(script);
        }
        script.addEventListener('load', settle, { once: true });
        script.addEventListener('error', settle, { once: true });
    });
}

// Plotly.Blazor's importScript(id, scriptUrl) with plotly.js already running: its own tag loads the one-line script.
export async function importScript(id, scriptUrl) {
    await loadPlotly();
    return plotlyBlazor.importScript(id, readyUrl);
}

// Plotly.Blazor's newPlot(id, ...), unless the LineChart around element `id` has a chart that predraw.js drew before
// the circuit: that chart (the element plotly.js keeps its state and the user's zoom on) takes the id, goes inside the
// element, and is brought to this figure with react (its uirevision keeps the zoom) instead of a new chart being drawn.
export function newPlot(id, data, layout, config, frames) {
    const host = document.getElementById(id);
    const chart = host && adopt(host.closest('[data-predraw-adopt]')?.dataset.predrawAdopt);
    if (!chart) return plotlyBlazor.newPlot(id, data, layout, config, frames);
    host.removeAttribute('id');
    chart.id = id;
    host.appendChild(chart);
    return plotlyBlazor.react(id, data, layout, config, frames);
}
