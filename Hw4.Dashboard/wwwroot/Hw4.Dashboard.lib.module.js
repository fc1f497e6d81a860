// Hw4.Dashboard's JavaScript initializer: Blazor finds it by its name and calls its hooks while it starts.

// The circuit starts once a chart page has drawn its main chart from the figure in its HTML (lib/plotly-blazor/
// predraw.js): plotly.js and the circuit's start would otherwise share the CPU, and the chart would wait for both.
// Blazor itself starts at once, so what the server streams into the page (a layer table built on a cold start) is
// shown as it comes.
export async function beforeServerStart() {
    if (document.querySelector('script[data-predraw-figure]')) {
        const { figuresDrawn } = await import('./lib/plotly-blazor/predraw.js');
        await figuresDrawn;
    }
}
