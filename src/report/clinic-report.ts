import { changeWording, isRealChange, type ChangeInput } from './change-wording.js';
import { zProfileSpec, Z_PROFILE_MARKS } from './figure-z-profile.js';
import { htmlPage, htmlParagraph, htmlTable, type PageSection } from './html-page.js';
import { escapeHtml } from './escape-html.js';
import { displayUnit, isClinical, measureLabel, siteName } from './measure-names.js';
import type { NormativeResult } from './normative.js';
import { FigureSink, type BuiltReport } from './study-report.js';

export interface ClinicReportInput {
  /** Patient as shown (the pseudonym when asked for). */
  patient: string;
  patientGroup: string;
  studyName: string;
  subtitle: string;
  /** "the reference group (control, n = 29)" — used inside sentences. */
  referenceName: string;
  /** How the reference was formed, for the methods note. */
  referenceDescription: string;
  /** Every value of the patient against the reference, all sessions. */
  results: NormativeResult[];
  /** The patient's sessions in time order (`['']` without sessions). */
  sessions: string[];
  /** Changes between the first and the last session, or null when there is only one. */
  changes: ChangeInput[] | null;
  /** Why there is no change over time, or how the MDC was obtained. */
  changeNote: string;
  /** Methods paragraphs of the study (processing), shortened to what the values depend on. */
  methods: string[];
}

const f2 = (x: number | null): string => (x === null ? '–' : Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 10 ? x.toFixed(2) : x.toFixed(3));

function rowLabel(r: { muscle: string; side: string; channel: string; measure: string; unit: string }): string {
  const site = siteName(r);
  const u = displayUnit(r.unit);
  return `${site ? `${site} ` : ''}${measureLabel(r.measure)}${u ? ` (${u})` : ''}`;
}

/** The clinic report: the patient's values against a normative reference in plain words, and change over time. */
export async function buildClinicReport(input: ClinicReportInput): Promise<BuiltReport> {
  const sink = new FigureSink();
  const latest = input.sessions[input.sessions.length - 1];
  const shown = input.results.filter((r) => r.session === latest && isClinical(r.measure));
  const scored = shown.filter((r) => r.z !== null);
  const sessionText = latest ? ` (session ${latest})` : '';
  const summary: string[] = [
    htmlParagraph(
      `Patient ${input.patient}, group ${input.patientGroup}, in the study "${input.studyName}". Each value is compared with ${input.referenceName}: the z-score is the distance from the reference mean in reference standard deviations, and the percentile the share of a normally distributed reference expected below the value.`,
    ),
  ];
  if (scored.length > 0) {
    summary.push(`<ul class="patient-summary">${scored.map((r) => `<li>${escapeHtml(r.wording)}</li>`).join('')}</ul>`);
    summary.push(
      await sink.add(
        'z_profile',
        Z_PROFILE_MARKS,
        `Patient ${input.patient}${sessionText}: z-scores against the reference`,
        `z-scores of patient ${input.patient}${sessionText} against ${input.referenceName}; shaded bands are ±1 and ±2 reference SD; dots beyond ±4 are drawn at the edge.`,
        zProfileSpec(scored.map((r) => ({ label: rowLabel(r), z: r.z as number })), { title: `Patient ${input.patient}${sessionText} against the reference`, xTitle: 'z-score (reference SD units)' }),
      ),
    );
  } else {
    summary.push(`<p class="note">${escapeHtml(`No value of patient ${input.patient} could be compared with the reference.`)}</p>`);
  }
  const missing = shown.filter((r) => r.z === null);
  if (missing.length > 0) summary.push(htmlParagraph(`Not compared: ${missing.map((r) => `${rowLabel(r)} — ${r.reason}`).join('; ')}.`));
  const sections: PageSection[] = [{ id: 'patient', title: 'Patient summary', html: summary.join('\n') }];

  const table = htmlTable(
    ['session', 'measure (unit)', 'step', 'patient', 'reference mean', 'reference SD', 'n', 'z', 'percentile'],
    input.results.map((r) => [r.session || '–', rowLabel(r), r.step, f2(r.value), f2(r.reference_mean), f2(r.reference_sd), r.reference_n, r.z === null ? r.reason ?? '–' : r.z.toFixed(2), r.percentile === null ? '–' : r.percentile.toFixed(1)]),
    { numeric: [3, 4, 5, 6, 7, 8], className: 'wide' },
  );
  sections.push({ id: 'values', title: 'All values against the reference', html: table });

  const change: string[] = [htmlParagraph(input.changeNote)];
  if (input.changes && input.changes.length > 0) {
    change.push(
      `<ul class="patient-summary">${input.changes
        .filter((c) => isClinical(c.measure))
        .map((c) => `<li${isRealChange(c.change, c.mdc95) ? ' class="real"' : ''}>${escapeHtml(changeWording(c))}</li>`)
        .join('')}</ul>`,
    );
    change.push(
      htmlTable(
        ['measure (unit)', 'from', 'to', 'change', 'MDC95', 'real change'],
        input.changes.map((c) => [rowLabel(c), c.sessionFrom, c.sessionTo, f2(c.change), f2(c.mdc95), c.mdc95 === null ? 'no MDC' : isRealChange(c.change, c.mdc95) ? 'yes' : 'no (within measurement error)']),
        { numeric: [3, 4] },
      ),
    );
  }
  sections.push({ id: 'change', title: 'Change between sessions', html: change.join('\n') });
  sections.push({
    id: 'methods',
    title: 'Reference and methods',
    html: [htmlParagraph(input.referenceDescription), htmlParagraph('Percentiles are read from the normal distribution, 100·Φ(z); they are exact only if the reference values are normally distributed, so treat percentiles far from the middle with care.'), ...input.methods.map((p) => htmlParagraph(p))].join('\n'),
  });
  const html = htmlPage({ title: `Clinic report: patient ${input.patient}`, subtitle: input.subtitle, sections });
  return { html, figures: sink.records };
}
