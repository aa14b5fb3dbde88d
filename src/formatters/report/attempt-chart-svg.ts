// The pull attempts as an inline SVG: one circle per attempt (x: time since the first, y: how long
// kubelet waited before it), joined by a line that shows the back-off growing to its cap. No
// script, no external asset; text is escaped.
import type { AttemptChart } from '../../diagnose/report/types.js';
import { duration } from '../../diagnose/report/build-report.js';
import { escapeXmlText } from '../escape-xml.js';

const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 64;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

export function attemptChartSvg(chart: AttemptChart): string {
  const span = Math.max(1, chart.points.at(-1)?.offsetSeconds ?? 0);
  const maxWait = Math.max(1, ...chart.points.map((p) => p.waitSeconds));
  const x = (offset: number) => LEFT + (offset / span) * (WIDTH - LEFT - RIGHT);
  const y = (wait: number) => HEIGHT - BOTTOM - (wait / maxWait) * (HEIGHT - TOP - BOTTOM);
  const coords = chart.points.map((p) => `${fixed(x(p.offsetSeconds))},${fixed(y(p.waitSeconds))}`);
  const circles = chart.points.map(
    (p, i) => `<circle class="attempt" cx="${fixed(x(p.offsetSeconds))}" cy="${fixed(y(p.waitSeconds))}" r="3"><title>attempt ${i + 1}: +${duration(p.offsetSeconds)}, waited ${duration(p.waitSeconds)}</title></circle>`,
  );
  const title = `Pull attempts of ${chart.pod} (${chart.container}): ${chart.attempts} attempts`;
  return [
    `<svg class="attempt-chart" role="img" aria-label="${escapeXmlText(title)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeXmlText(title)}</title>`,
    `<line class="axis" x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH - RIGHT}" y2="${HEIGHT - BOTTOM}"/>`,
    `<line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${HEIGHT - BOTTOM}"/>`,
    `<text class="label" x="${LEFT}" y="${HEIGHT - BOTTOM + 16}">${escapeXmlText(chart.start)}</text>`,
    `<text class="label" x="${WIDTH - RIGHT}" y="${HEIGHT - BOTTOM + 16}" text-anchor="end">+${escapeXmlText(duration(span))}</text>`,
    `<text class="label" x="${(LEFT + WIDTH - RIGHT) / 2}" y="${HEIGHT - 6}" text-anchor="middle">time since the first attempt</text>`,
    `<text class="label" x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end">${escapeXmlText(duration(maxWait))}</text>`,
    `<text class="label" x="${LEFT - 6}" y="${HEIGHT - BOTTOM}" text-anchor="end">0 s</text>`,
    `<text class="label" transform="translate(14 ${(TOP + HEIGHT - BOTTOM) / 2}) rotate(-90)" text-anchor="middle">wait before attempt</text>`,
    `<polyline class="back-off" points="${coords.join(' ')}"/>`,
    ...circles,
    '</svg>',
  ].join('\n');
}
