// The second frame after the page ran is the first one that shows it (as Keel measures).
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("ready")));
