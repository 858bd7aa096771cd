import type { PrimaryTest } from '../pipeline/compare-run.js';
import type { CiEnd, CompareRecord } from '../pipeline/compare-record.js';
import { apaLine } from '../render/apa.js';
import { escapeHtml } from './escape-html.js';
import { forestFigureSpec, FOREST_FIGURE_MARKS, type ForestRow } from './figure-forest.js';
import { groupFigureSpec, GROUP_FIGURE_MARKS, type GroupPoint } from './figure-group.js';
import { trialFigureMarks, trialFigureSpec, type TrialChannel } from './figure-trial.js';
import { htmlFigure, htmlPage, htmlParagraph, htmlTable, type PageSection } from './html-page.js';
import { displayUnit, isBookkeeping, measureLabel } from './measure-names.js';
import { methodsText, type MethodsInput } from './methods-text.js';
import type { FigureRecord, StudyResults } from './report-types.js';
import { stratumLabel } from './stratum-label.js';
import { renderSvg } from './vega-svg.js';

/** One single-trial figure to draw. */
export interface TrialFigureInput {
  title: string;
  caption: string;
  channels: TrialChannel[];
}

export interface StudyReportInput {
  results: StudyResults;
  methods: MethodsInput;
  trialFigures: TrialFigureInput[];
  /** Why these trials were drawn, or why none were. */
  trialNote: string;
  /** Notes on what the report could not do (missing recordings, config changed since the run). */
  notes: string[];
  subtitle: string;
}

export interface BuiltReport {
  html: string;
  figures: FigureRecord[];
}

const n4 = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : Number.isInteger(x) ? String(x) : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4).replace(/\.?0+$/, (m) => (m.includes('.') ? '' : m)));
const ciNum = (x: CiEnd): number | null => (typeof x === 'number' ? x : null);
const pFmt = (p: number | null | undefined): string => (p === null || p === undefined ? '–' : p < 0.001 ? '<.001' : p.toFixed(3).replace(/^0/, ''));

/** The effect size a record's forest row shows: Hedges' g (independent groups) or d_z (paired). */
function effectOf(r: CompareRecord): { estimate: number; low: number; high: number } | null {
  if (r.design === 'paired') {
    const e = r.effect_size;
    const lo = ciNum(e.cohens_dz_ci_low);
    const hi = ciNum(e.cohens_dz_ci_high);
    return e.cohens_dz === null || lo === null || hi === null ? null : { estimate: e.cohens_dz, low: lo, high: hi };
  }
  const e = r.effect_size;
  const lo = ciNum(e.hedges_g_ci_low);
  const hi = ciNum(e.hedges_g_ci_high);
  return e.hedges_g === null || lo === null || hi === null ? null : { estimate: e.hedges_g, low: lo, high: hi };
}

function recordStratum(r: CompareRecord, withTask: boolean): string {
  const s = r.strata;
  return stratumLabel({ channel: s.channel ?? 'n/a', muscle: s.muscle ?? 'n/a', side: s.side ?? 'n/a', task: s.task ?? 'n/a', session: s.session }, { withTask, withSession: s.session !== undefined });
}

function measureTitle(measure: string, unit: string | null): string {
  const u = unit ? displayUnit(unit) : '';
  return `${measureLabel(measure)}${u ? ` (${u})` : ''}`;
}

class FigureSink {
  readonly records: FigureRecord[] = [];
  async add(kind: FigureRecord['figure_kind'], marks: readonly string[], title: string, caption: string, spec: Parameters<typeof renderSvg>[0]): Promise<string> {
    const id = `fig-${this.records.length + 1}`;
    const svg = await renderSvg(spec);
    this.records.push({ kind: 'figure', figure: id, figure_kind: kind, title, marks: [...marks], svg_bytes: Buffer.byteLength(svg) });
    return htmlFigure({ id, kind, marks, svg, caption: `Figure ${this.records.length}. ${caption}` });
  }
}

function methodsSection(input: StudyReportInput): PageSection {
  const m = methodsText(input.methods);
  const r = input.results;
  const html = [
    ...m.paragraphs.map((p) => htmlParagraph(p)),
    '<h3>Reporting checklist (ISEK standards for reporting EMG data, Merletti 1999)</h3>',
    htmlTable(['item', 'in this study', ''], m.checklist.map((c) => [c.item, c.reported, c.complete ? 'reported' : 'add from the lab protocol'])),
    htmlParagraph(`Results folder ${r.dir}; study configuration ${r.configPath} (SHA-256 ${r.configSha256}); myoscope ${r.toolVersion}.`, 'meta'),
  ];
  return { id: 'methods', title: 'Study and processing parameters', html: html.join('\n') };
}

function qualitySection(input: StudyReportInput): PageSection {
  const r = input.results;
  const parts: string[] = [];
  parts.push(htmlParagraph(`${r.counts.files} recordings in the study: ${r.counts.processed} analysed, ${r.counts.failed} failed. ${r.exclusions.length} exclusion${r.exclusions.length === 1 ? '' : 's'}.`));
  if (r.exclusions.length > 0) {
    parts.push('<h3>Exclusions</h3>');
    parts.push(htmlTable(['file', 'subject', 'stage', 'reason'], r.exclusions.map((e) => [e.file, e.subject, e.stage, e.reason]), { className: 'wide' }));
  } else {
    parts.push(htmlParagraph('No file was excluded.', 'ok'));
  }
  // Per file: trials analysed and trials flagged (any flag on any channel), by flag.
  const byFile = new Map<string, { subject: string; trials: Set<string>; flagged: Set<string>; flags: Map<string, number> }>();
  for (const t of r.trials) {
    const e = byFile.get(t.file) ?? { subject: t.subject, trials: new Set(), flagged: new Set(), flags: new Map() };
    if (t.trial !== '') e.trials.add(t.trial);
    if (t.flags !== '') {
      e.flagged.add(t.trial);
      for (const f of t.flags.split(';')) if (f) e.flags.set(f, (e.flags.get(f) ?? 0) + 1);
    }
    byFile.set(t.file, e);
  }
  if (byFile.size > 0) {
    parts.push('<h3>Per file</h3>');
    const excluded = new Set(r.exclusions.map((e) => e.file));
    parts.push(
      htmlTable(
        ['file', 'subject', 'trials', 'flagged trials', 'flags (rows)', 'status'],
        [...byFile.entries()].map(([file, e]) => [file, e.subject, e.trials.size, e.flagged.size, [...e.flags.entries()].map(([f, k]) => `${f} ${k}`).join(', ') || '–', excluded.has(file) ? 'excluded' : 'ok']),
        { numeric: [2, 3], className: 'wide' },
      ),
    );
  }
  // Warnings about bookkeeping measures (trial counts that cannot differ) are left out.
  const warnings = (r.comparisons?.warnings ?? []).filter((w) => !isBookkeeping(/^measure "([^"]*)"/.exec(w)?.[1] ?? ''));
  if (warnings.length > 0) {
    parts.push('<h3>Warnings of the group comparison</h3>');
    parts.push(`<ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`);
  }
  for (const n of input.notes) parts.push(`<p class="note">${escapeHtml(n)}</p>`);
  return { id: 'quality', title: 'Data quality', html: parts.join('\n') };
}

async function trialSection(input: StudyReportInput, sink: FigureSink): Promise<PageSection> {
  const parts = [htmlParagraph(input.trialNote)];
  for (const f of input.trialFigures) {
    parts.push(await sink.add('trial', trialFigureMarks(f.channels), f.title, f.caption, trialFigureSpec(f.channels, { title: f.title, xTitle: 'time from the event (ms)' })));
  }
  return { id: 'trials', title: 'Single trials', html: parts.join('\n') };
}

/** Measures to plot, in the order the comparisons list them (else first appearance). */
function plottedMeasures(r: StudyResults): { measure: string; unit: string; step: string }[] {
  const seen = new Map<string, { measure: string; unit: string; step: string }>();
  const add = (measure: string, unit: string, step: string) => {
    const k = `${step}\u0000${measure}`;
    if (!isBookkeeping(measure) && !seen.has(k)) seen.set(k, { measure, unit, step });
  };
  for (const c of r.comparisons?.results ?? []) add(c.measure, c.unit ?? '', c.strata.step ?? '');
  if (!r.comparisons) for (const s of r.subjects) add(s.measure, s.unit, s.step);
  return [...seen.values()];
}

function groupOrder(r: StudyResults, reference: string | undefined): string[] {
  const groups = [...new Set(r.subjects.map((s) => s.group))].sort();
  return reference !== undefined && groups.includes(reference) ? [reference, ...groups.filter((g) => g !== reference)] : groups;
}

async function groupSection(input: StudyReportInput, sink: FigureSink): Promise<PageSection> {
  const r = input.results;
  const reference = (r.comparisons?.params.reference as string | undefined) ?? input.methods.reference;
  const groups = groupOrder(r, reference);
  const tasks = new Set(r.subjects.map((s) => s.task).filter((t) => t !== 'n/a' && t !== ''));
  const sessions = new Set(r.subjects.map((s) => s.session).filter((s) => s !== ''));
  const parts: string[] = [
    htmlParagraph(
      `Each dot is one subject's value (the mean over that subject's trials); boxes show the median and quartiles of each group, whiskers reach the most extreme value within 1.5 times the interquartile range. Groups: ${groups.join(', ')}.`,
    ),
  ];
  for (const m of plottedMeasures(r)) {
    const points: GroupPoint[] = r.subjects
      .filter((s) => s.measure === m.measure && s.step === m.step && s.value !== null)
      .map((s) => ({ panel: stratumLabel(s, { withTask: tasks.size > 1, withSession: sessions.size > 1 }), group: s.group, subject: s.subject, value: s.value as number }));
    if (points.length === 0) continue;
    const title = `${measureTitle(m.measure, m.unit)} — ${m.step}`;
    parts.push(
      await sink.add('group', GROUP_FIGURE_MARKS, title, `${measureTitle(m.measure, m.unit)} per subject by group (${m.step} step, measure ${m.measure}); y axis in ${displayUnit(m.unit) || 'the measure\'s unit'}.`, groupFigureSpec(points, { yTitle: m.unit && m.unit !== 'ratio' ? `value (${displayUnit(m.unit)})` : m.unit || 'value', groups, title })),
    );
  }
  return { id: 'groups', title: 'Group figures', html: parts.join('\n') };
}

async function forestSection(input: StudyReportInput, sink: FigureSink): Promise<PageSection> {
  const c = input.results.comparisons;
  if (!c || c.results.length === 0) return { id: 'effects', title: 'Effect sizes', html: htmlParagraph('The study has no group comparison (no compare step, or one group only).') };
  const tasks = new Set(c.results.map((x) => x.strata.task).filter((t) => t && t !== 'n/a'));
  const rows: ForestRow[] = [];
  const skipped: string[] = [];
  for (const rec of c.results) {
    if (isBookkeeping(rec.measure)) continue;
    const e = effectOf(rec);
    const label = `${measureLabel(rec.measure)} · ${recordStratum(rec, tasks.size > 1)}${c.results.some((x) => x.focal !== rec.focal) ? ` · ${rec.focal}` : ''}`;
    if (e === null) skipped.push(label);
    else rows.push({ label, step: rec.strata.step ?? rec.measure, ...e });
  }
  const paired = c.results.some((x) => x.design === 'paired');
  const what = paired ? "Cohen's d_z" : "Hedges' g";
  const first = c.results[0];
  const level = Math.round((first.mean_difference.conf_level ?? 0.95) * 100);
  const parts: string[] = [];
  if (rows.length > 0) {
    parts.push(
      await sink.add(
        'forest',
        FOREST_FIGURE_MARKS,
        `Effect sizes (${what})`,
        `${what} of ${first.focal} − ${first.reference} for every compared measure, with ${level} % confidence intervals (dimensionless: differences in units of the pooled SD). The dashed line marks no difference.`,
        forestFigureSpec(rows, { title: `${what}, ${first.focal} − ${first.reference}, ${level} % CI`, xTitle: `${what} (SD units)` }),
      ),
    );
  }
  if (skipped.length > 0) parts.push(htmlParagraph(`No effect size for: ${skipped.join('; ')} (see the comparison table for the reason).`));
  return { id: 'effects', title: 'Effect sizes', html: parts.join('\n') };
}

function comparisonSection(input: StudyReportInput): PageSection {
  const c = input.results.comparisons;
  if (!c || c.results.length === 0) return { id: 'comparisons', title: 'Group comparisons', html: htmlParagraph('The study has no group comparison.') };
  const test = (c.params.test as PrimaryTest | undefined) ?? 'welch';
  const tasks = new Set(c.results.map((x) => x.strata.task).filter((t) => t && t !== 'n/a'));
  const rows = c.results
    .filter((r) => !isBookkeeping(r.measure))
    .map((r) => {
      const f = r.groups[r.focal];
      const ref = r.groups[r.reference];
      const md = r.mean_difference;
      const ci = ciNum(md.ci_low) !== null && ciNum(md.ci_high) !== null ? ` [${n4(ciNum(md.ci_low))}, ${n4(ciNum(md.ci_high))}]` : '';
      return [
        measureTitle(r.measure, r.unit),
        recordStratum(r, tasks.size > 1),
        `${f?.n ?? '–'} / ${ref?.n ?? '–'}`,
        f && 'mean' in f && f.mean !== null ? `${n4(f.mean)} (${n4(f.sd)})` : '–',
        ref && 'mean' in ref && ref.mean !== null ? `${n4(ref.mean)} (${n4(ref.sd)})` : '–',
        md.estimate === null ? '–' : `${n4(md.estimate)}${ci}`,
        pFmt(r.p_adjusted.holm),
        pFmt(r.p_adjusted.bh),
        apaLine(r, test),
      ];
    });
  const first = c.results[0];
  const html = [
    htmlParagraph(
      `${first.focal} against ${first.reference}: group means (SD) of the per-subject values, the difference ${first.focal} − ${first.reference} with its ${Math.round(first.mean_difference.conf_level * 100)} % CI, p adjusted over ${first.p_adjusted.m} tests (Holm; Benjamini–Hochberg), and the APA-style result of the ${test} test with the effect size and its CI.`,
    ),
    htmlTable(['measure (unit)', 'stratum', `n ${first.focal} / ${first.reference}`, `${first.focal} mean (SD)`, `${first.reference} mean (SD)`, 'difference [CI]', 'p Holm', 'p BH', 'result (APA)'], rows, { numeric: [2, 3, 4, 5, 6, 7], apa: 8, className: 'wide' }),
  ];
  return { id: 'comparisons', title: 'Group comparisons', html: html.join('\n') };
}

/** The study report: methods, data quality, single trials, group figures, forest plot and comparison table. */
export async function buildStudyReport(input: StudyReportInput): Promise<BuiltReport> {
  const sink = new FigureSink();
  const sections: PageSection[] = [methodsSection(input), qualitySection(input)];
  sections.push(await trialSection(input, sink));
  sections.push(await groupSection(input, sink));
  sections.push(await forestSection(input, sink));
  sections.push(comparisonSection(input));
  const html = htmlPage({ title: `Study report: ${input.results.name}`, subtitle: input.subtitle, sections });
  return { html, figures: sink.records };
}

export { FigureSink };
