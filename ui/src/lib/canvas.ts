import type { Chart } from "chart.js";

/**
 * Destroys `chart` and gives its canvas's pixels back at once. WebKit frees a canvas's bitmap
 * only when the element is collected, and a founder moving between sections all day (the soak)
 * makes new charts faster than that: the bitmaps of the old ones piled up.
 */
export function releaseChart(chart: Chart, canvas: HTMLCanvasElement): void {
  chart.destroy();
  canvas.width = 0;
  canvas.height = 0;
}
