// Plotly.Blazor waits for a script of its own to load before it draws; plotly.js itself was loaded by interop.js.
