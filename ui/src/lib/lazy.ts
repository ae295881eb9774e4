// Parts of the UI that load on first use, so the window opens on a smaller script: the chart
// (Chart.js) is needed only in Traction and in present mode.

type ChartComponent = typeof import("../components/TractionChart.svelte").default;

let chart: Promise<ChartComponent> | null = null;

export function loadChart(): Promise<ChartComponent> {
  chart ??= import("../components/TractionChart.svelte").then((m) => m.default);
  return chart;
}
