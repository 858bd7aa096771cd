import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';
import { makeThicknessStudy, SCRIPT_ID } from './thickness-study.js';

/**
 * The report opened in a real browser: Debian's Chromium (`apt-get install chromium`; `.ci/run`
 * installs it when missing). The test tool never downloads a browser of its own. Without Chromium
 * these tests are skipped, and say so loudly.
 */
const CHROMIUM = [process.env.MYOSCOPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const OUT = join(ROOT, 'tests', 'out');

if (!CHROMIUM) {
  console.error(
    '\n*** SKIPPED: the report browser tests need Chromium (/usr/bin/chromium, or MYOSCOPE_CHROMIUM=path). Install it with `apt-get install -y chromium`. ***\n',
  );
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(browser: Browser, file: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const opened: Opened = { page, consoleErrors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => opened.consoleErrors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) opened.requests.push(r.url());
  });
  page.on('dialog', async (d) => {
    opened.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

/** Per figure: its kind, the marks it must have, and how many of each its SVG drew. */
async function figureMarks(page: Page): Promise<{ id: string; kind: string; width: number; height: number; marks: Record<string, number> }[]> {
  return page.$$eval('figure.fig', (figs) =>
    figs.map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const marks: Record<string, number> = {};
      for (const m of (f.getAttribute('data-marks') ?? '').split(' ').filter(Boolean)) {
        // Vega draws each data mark inside a group `g.mark-<type>.role-mark`.
        marks[m] = svg ? [...svg.querySelectorAll(`g.mark-${m}.role-mark`)].reduce((n, g) => n + g.querySelectorAll('path, rect, line, circle').length, 0) : 0;
      }
      return { id: f.id, kind: f.getAttribute('data-kind') ?? '', width: box?.width ?? 0, height: box?.height ?? 0, marks };
    }),
  );
}

describe.skipIf(!CHROMIUM)('the report in headless Chromium', () => {
  let browser: Browser;
  const work = tempDir('myoscope-browser-');
  const results = join(work, 'samples');
  const page = join(work, 'report.html');

  beforeAll(async () => {
    const run = runCli(['run', join(ROOT, 'samples', 'study.yaml'), '--out', results]);
    expect(run.code, run.stderr).toBe(0);
    const rep = runCli(['report', results, '--out', page, '--trials', 'sub-C02:3']);
    expect(rep.code, rep.stderr).toBe(0);
    // Headless, each launch with a fresh temporary profile (playwright's own user-data-dir).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(OUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every figure of the samples study, with no console error and no network request', async () => {
    const o = await open(browser, page);
    const figures = await figureMarks(o.page);
    const kinds = figures.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'trial').length).toBeGreaterThanOrEqual(1);
    expect(kinds.filter((k) => k === 'group').length).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k === 'forest')).toHaveLength(1);
    for (const f of figures) {
      expect(f.width * f.height, `${f.id} has no size`).toBeGreaterThan(10_000);
      for (const [mark, count] of Object.entries(f.marks)) expect(count, `${f.id} (${f.kind}) drew no ${mark} mark`).toBeGreaterThan(0);
    }
    // The chosen trial is drawn with its onset marks; the first group figure (onset latency) shows
    // every subject as a dot: 20 EMG subjects × 5 channels.
    expect(await o.page.textContent('body')).toContain('sub-C02, sub-C02_task-armraise_emg.csv.gz, trial 3');
    const latency = figures.find((f) => f.kind === 'group');
    expect(latency?.marks.symbol).toBe(20 * 5);
    for (const t of figures.filter((f) => f.kind === 'trial')) expect(Object.keys(t.marks)).toEqual(['line', 'rect', 'rule']);
    expect(await o.page.$$eval('nav.toc li', (l) => l.length)).toBe(6);
    expect(o.consoleErrors).toEqual([]);
    expect(o.requests).toEqual([]);
    await o.page.screenshot({ path: join(OUT, 'report-samples.png'), fullPage: true });
    expect(statSync(join(OUT, 'report-samples.png')).size).toBeGreaterThan(50_000);
    // Printed to PDF, as a clinician would file it.
    await o.page.emulateMedia({ media: 'print' });
    await o.page.pdf({ path: join(OUT, 'report-samples.pdf'), format: 'A4', printBackground: true });
    expect(statSync(join(OUT, 'report-samples.pdf')).size).toBeGreaterThan(50_000);
  });

  it('shows a subject ID crafted as markup as text, and runs nothing', async () => {
    const study = makeThicknessStudy(
      [[SCRIPT_ID, 'patients'], ...[1, 2, 3, 4].map((i): [string, string] => [`p${i}`, 'patients'])],
      { sessions: false, compare: false },
    );
    const out = join(study.dir, 'out');
    expect(runCli(['run', study.config, '--out', out]).code).toBe(0);
    const norms = join(study.dir, 'norms.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(norms, 'measure,mean,sd\nchange_pct,14,3\nrest_mm,30,4\ncontracted_mm,34,4\n');
    const clinic = join(study.dir, 'clinic.html');
    const r = runCli(['report', out, '--patient', SCRIPT_ID, '--reference-file', norms, '--out', clinic]);
    expect(r.code, r.stderr).toBe(0);
    const o = await open(browser, clinic);
    expect(await o.page.textContent('h1')).toBe(`Clinic report: patient ${SCRIPT_ID}`);
    expect(await o.page.$$eval('script', (s) => s.length)).toBe(0);
    expect(o.dialogs).toEqual([]);
    expect(o.consoleErrors).toEqual([]);
    const figures = await figureMarks(o.page);
    expect(figures.map((f) => f.kind)).toEqual(['z_profile']);
    for (const [mark, count] of Object.entries(figures[0].marks)) expect(count, mark).toBeGreaterThan(0);
    await o.page.screenshot({ path: join(OUT, 'report-clinic-crafted.png'), fullPage: true });
  });
});
