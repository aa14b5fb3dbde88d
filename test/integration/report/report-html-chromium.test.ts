// The HTML report in a real browser (Debian's chromium, driven by playwright-core): it renders
// every section, the attempt chart is visible with one point per attempt, nothing is requested
// from the network, and in print no table is wider than the page. A screenshot of each run is
// kept under build/test-artifacts/report-html/ (the path is printed as a test diagnostic).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { diagnoseRecords, readClusterRecords } from '../../../src/diagnose/diagnose-cluster.js';
import { buildIncidentReport } from '../../../src/diagnose/report/build-report.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { formatReportHtml } from '../../../src/formatters/report/report-html.js';
import { repoRoot } from '../../support/control-plane/repo-root.js';

const ROOT = repoRoot();
const ARTIFACTS = join(ROOT, 'build/test-artifacts/report-html');
const REPORT_URL = 'http://report.pullguard.invalid/incident.html';
const NOW = Date.parse('2025-10-02T11:00:00Z');

function seedSnapshot(): ClusterSnapshot {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/diagnose/seed-incident.snapshot.json'), 'utf8')) as ClusterSnapshot;
}

async function htmlOf(snapshot: ClusterSnapshot): Promise<string> {
  const reader = snapshotReader(snapshot, 'snapshot seed-incident.snapshot.json');
  const target = getTargetProfile('aks');
  assert.ok(target !== undefined);
  const records = await readClusterRecords(reader, 'monadic-pipeline', true);
  const diagnosis = diagnoseRecords(records, { namespace: 'monadic-pipeline', target, source: reader.source, includeRecovered: true });
  return formatReportHtml(buildIncidentReport(diagnosis, records, { now: NOW }));
}

function chromiumPath(): string {
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

interface Loaded {
  page: Page;
  requests: string[];
}

describe('pullguard report -o html in headless Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  });
  after(async () => {
    await browser?.close();
  });

  /** Serves the page at a made-up address and records every request the page makes; only the page itself is answered. */
  async function load(html: string, viewport = { width: 1100, height: 900 }): Promise<Loaded> {
    const context = await browser.newContext({ viewport });
    const requests: string[] = [];
    const seen: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url === REPORT_URL) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else await route.abort();
    });
    const page = await context.newPage();
    // The browser's own view too: a request the route did not see (none should exist) still counts.
    page.on('request', (request) => seen.push(request.url()));
    await page.goto(REPORT_URL, { waitUntil: 'load' });
    return { page, requests: [...new Set([...requests, ...seen])] };
  }

  it('renders every section, the chart with one point per attempt, and asks the network for nothing', async (t) => {
    const { page, requests } = await load(await htmlOf(seedSnapshot()));
    assert.deepEqual(requests, [REPORT_URL]);
    assert.equal(await page.title(), 'Incident report: ErrImageNeverPull: Deployment monadic-pipeline/monadic-pipeline-webapi cannot pull monadic-pipeline-webapi:latest');
    assert.deepEqual(await page.locator('h2').allTextContents(), [
      'Summary',
      'Impact',
      'Timeline',
      'Pull attempts',
      'Root cause and trigger',
      'Resolution',
      'Prevention',
      'Verification',
      'Data gaps',
    ]);
    const chart = page.locator('svg.attempt-chart');
    assert.equal(await chart.isVisible(), true);
    const box = await chart.boundingBox();
    assert.ok(box !== null && box.width > 600 && box.height > 150, `chart box ${JSON.stringify(box)}`);
    assert.equal(await page.locator('svg.attempt-chart circle.attempt').count(), 264);
    // Every point lies inside the drawing (none at NaN or off the canvas).
    const outside = await page.locator('svg.attempt-chart circle.attempt').evaluateAll((circles) =>
      circles.filter((c) => {
        const x = Number(c.getAttribute('cx'));
        const y = Number(c.getAttribute('cy'));
        return !(x >= 0 && x <= 720 && y >= 0 && y <= 260);
      }).length,
    );
    assert.equal(outside, 0);
    assert.equal(await page.locator('table.impact tbody tr').count(), 1);
    assert.equal(await page.locator('table.timeline tbody tr').count(), 8);
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'seed-incident.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    t.diagnostic(`screenshot: ${screenshot}`);
    await page.context().close();
  });

  it('cuts no table in print, even with an unbreakable 300-character image name', async (t) => {
    const snapshot = seedSnapshot();
    const longImage = `registry.example.com/${'a'.repeat(300)}:latest`;
    for (const pod of snapshot.pods ?? []) {
      for (const container of pod.spec?.containers ?? []) container.image = longImage;
      for (const status of pod.status?.containerStatuses ?? []) {
        status.image = longImage;
        if (status.state?.waiting !== undefined) status.state.waiting.message = `Container image "${longImage}" is not present with pull policy of Never`;
      }
    }
    // A4 at 96 dpi is 794 px wide; the page's @page margins (15 mm) leave about 680 px.
    const { page, requests } = await load(await htmlOf(snapshot), { width: 680, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(requests, [REPORT_URL]);
    const overflowing = await page.evaluate(() => {
      const problems: string[] = [];
      const pageWidth = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > pageWidth) problems.push(`page scrolls: ${document.documentElement.scrollWidth} > ${pageWidth}`);
      for (const table of Array.from(document.querySelectorAll('table'))) {
        const rect = table.getBoundingClientRect();
        if (rect.right > pageWidth + 0.5 || rect.left < -0.5) problems.push(`table.${table.className} spans ${rect.left}..${rect.right} of ${pageWidth}`);
        for (const cell of Array.from(table.querySelectorAll('td, th'))) {
          if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`cell "${(cell.textContent ?? '').slice(0, 40)}" overflows: ${cell.scrollWidth} > ${cell.clientWidth}`);
        }
      }
      return problems;
    });
    assert.deepEqual(overflowing, []);
    // And the print engine itself lays it out: a PDF comes out.
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'print-long-image.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    t.diagnostic(`screenshot: ${screenshot}`);
    await page.context().close();
  });
});
