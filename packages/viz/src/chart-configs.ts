import type { ChartConfiguration } from 'chart.js';

const COLORS = {
  discriminator: '#d9480f',
  generator: '#1971c2',
  accuracy: '#2f9e44',
  other: '#7048e8',
};

const line = (label: string, color: string, yAxisID = 'y') => ({
  label,
  data: [] as { x: number; y: number }[],
  borderColor: color,
  backgroundColor: color,
  borderWidth: 1.5,
  pointRadius: 0,
  yAxisID,
});

const axes = (left: string, right: string, rightRange?: { min: number; max: number }) => ({
  x: { type: 'linear' as const, title: { display: true, text: 'iteration' } },
  y: { type: 'linear' as const, position: 'left' as const, title: { display: true, text: left } },
  y1: {
    type: 'linear' as const,
    position: 'right' as const,
    title: { display: true, text: right },
    grid: { drawOnChartArea: false },
    ...rightRange,
  },
});

function lineChart(title: string, datasets: ReturnType<typeof line>[], scales: object) {
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: { title: { display: true, text: title } },
      scales,
    },
  } as ChartConfiguration<'line'>;
}

/** Discriminator and generator losses (left axis) and the discriminator's accuracy (right). */
export function lossesChart(): ChartConfiguration<'line'> {
  return lineChart(
    'Losses and accuracy',
    [
      line('discriminator loss', COLORS.discriminator),
      line('generator loss', COLORS.generator),
      line('discriminator accuracy', COLORS.accuracy, 'y1'),
    ],
    axes('binary cross-entropy', 'accuracy', { min: 0, max: 1 }),
  );
}

/**
 * Classifier score (left axis), Fréchet distance and sliced Wasserstein distance (right) of the
 * evaluations: a run has the ones its data allows.
 */
export function evaluationChart(): ChartConfiguration<'line'> {
  return lineChart(
    'Evaluation',
    [
      line('classifier score (higher is better)', COLORS.accuracy),
      line('Fréchet distance (lower is better)', COLORS.other, 'y1'),
      line('sliced Wasserstein x 1e3 (lower is better)', COLORS.generator, 'y1'),
    ],
    axes('classifier score', 'distance'),
  );
}

/** The share of samples the classifier puts in each class 0..9. */
export function sharesChart(): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      datasets: [{ label: 'share of samples', data: [], backgroundColor: COLORS.other }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, title: { display: true, text: 'Class shares' } },
      scales: { y: { min: 0, title: { display: true, text: 'share' } } },
    },
  };
}
