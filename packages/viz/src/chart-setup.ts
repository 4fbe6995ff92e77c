import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';

let registered = false;

/** Registers the chart.js parts the charts use (line and bar charts), once: no `chart.js/auto`. */
export function registerChartParts(): void {
  if (registered) return;
  Chart.register(
    LineController,
    LineElement,
    PointElement,
    BarController,
    BarElement,
    LinearScale,
    CategoryScale,
    Legend,
    Tooltip,
    Title,
  );
  registered = true;
}

export { Chart };
