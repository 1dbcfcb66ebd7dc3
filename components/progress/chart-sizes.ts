// Chart heights, shared by the charts (client) and the page's chart slots (server), so a slot
// holds its chart's place before the chart is drawn.

export const CHART_HEIGHT = 300;
export const HEATMAP_HEIGHT = 200;

/** The misconception bars grow with the number of tags. */
export const misconceptionChartHeight = (rows: number) => Math.max(140, 40 + rows * 32);
