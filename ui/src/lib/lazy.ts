// Parts of the UI that load on first use, so the window opens on a smaller script: the charts
// (Chart.js) are needed only in Traction and in present mode.

type ChartComponent = typeof import("../components/TractionChart.svelte").default;

let chart: Promise<ChartComponent> | null = null;

export function loadChart(): Promise<ChartComponent> {
  chart ??= import("../components/TractionChart.svelte").then((m) => m.default);
  return chart;
}

type FactoryChartComponent = typeof import("../components/FactoryChart.svelte").default;

let factoryChart: Promise<FactoryChartComponent> | null = null;

export function loadFactoryChart(): Promise<FactoryChartComponent> {
  factoryChart ??= import("../components/FactoryChart.svelte").then((m) => m.default);
  return factoryChart;
}
