// The pull attempts of one container as chart points. The records keep only the first time, the
// last time and the count (the event correlator folds every repeat into one object), so the times
// between are modelled: kubelet's image back-off (10 s doubling to the 300 s cap,
// pkg/kubelet/kubelet.go imageBackOffPeriod / MaxImageBackOff) stretched to end at the last
// recorded attempt, or even steps when kubelet does not back off (imagePullPolicy Never and an
// invalid name fail on every pod sync). The chart and the data gaps say which.
import type { ChartPoint } from './types.js';

export const FIRST_BACK_OFF_SECONDS = 10;
export const MAX_BACK_OFF_SECONDS = 300;
/** More points than this say nothing more on a chart; the report says it was cut. */
export const MAX_CHART_POINTS = 2000;

export function modelledAttempts(count: number, spanSeconds: number, backOff: boolean): { points: ChartPoint[]; truncated: boolean } {
  const n = Math.max(1, Math.min(count, MAX_CHART_POINTS));
  const waits: number[] = [];
  for (let i = 1; i < n; i += 1) {
    waits.push(backOff ? Math.min(FIRST_BACK_OFF_SECONDS * 2 ** (i - 1), MAX_BACK_OFF_SECONDS) : 1);
  }
  const modelled = waits.reduce((a, b) => a + b, 0);
  const scale = modelled === 0 ? 0 : spanSeconds / modelled;
  const points: ChartPoint[] = [{ offsetSeconds: 0, waitSeconds: 0 }];
  let offset = 0;
  for (const wait of waits) {
    offset += wait * scale;
    points.push({ offsetSeconds: round1(offset), waitSeconds: round1(wait * scale) });
  }
  return { points, truncated: count > MAX_CHART_POINTS };
}

/** One decimal: enough for a chart, and the same digits on every run. */
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The attempt after which kubelet's wait is at its cap (10·2^(i−1) ≥ 300 s first holds for the 6th wait). */
export const CAPPED_WAIT_INDEX = 1 + Math.ceil(Math.log2(MAX_BACK_OFF_SECONDS / FIRST_BACK_OFF_SECONDS));

/** When the modelled wait first reached the cap, in seconds after the first attempt; undefined when it did not. */
export function backOffCapReachedAt(points: readonly ChartPoint[]): number | undefined {
  return points[CAPPED_WAIT_INDEX]?.offsetSeconds;
}
