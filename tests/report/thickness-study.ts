import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run-cli.js';

export const SCRIPT_ID = '<script>alert(1)</script>';
export const FORMULA_ID = '=HYPERLINK("http://x","y")';

/** RFC 4180 quoting for a cell that holds quotes or the delimiter. */
const q = (s: string, sep: string) => (s.includes('"') || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s);

/** A deterministic pseudo-random sequence (LCG), so the study is the same every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A thickness-only study: subjects with IDs crafted to inject markup and a spreadsheet formula,
 * two sessions (pre, post) of three trials per muscle side and condition; `groups` gives each
 * subject's group.
 */
export function makeThicknessStudy(subjects: [string, string][], opts: { sessions: boolean; compare: boolean; reference?: string }): { dir: string; config: string } {
  const dir = tempDir('myoscope-report-');
  const rnd = lcg(42);
  const noise = () => (rnd() - 0.5) * 1.2;
  writeFileSync(join(dir, 'participants.tsv'), `participant_id\tgroup\n${subjects.map(([s, g]) => `${q(s, '\t')}\t${g}`).join('\n')}\n`);
  const lines = [`subject,group,${opts.sessions ? 'session,' : ''}muscle,side,condition,trial,thickness_mm`];
  for (const [s, g] of subjects) {
    const base = 26 + rnd() * 8;
    for (const session of opts.sessions ? ['pre', 'post'] : ['']) {
      for (const side of ['L', 'R']) {
        for (const condition of ['rest', 'contracted']) {
          for (const trial of [1, 2, 3]) {
            const v = base + (condition === 'contracted' ? 4 + (session === 'post' ? 3 : 0) : 0) + noise();
            lines.push(`${q(s, ',')},${g},${opts.sessions ? `${session},` : ''}ES,${side},${condition},${trial},${v.toFixed(2)}`);
          }
        }
      }
    }
  }
  writeFileSync(join(dir, 'thickness.csv'), `${lines.join('\n')}\n`);
  const config = [
    'name: crafted study',
    'participants: participants.tsv',
    opts.reference ? `group: { column: group, reference: ${opts.reference} }` : 'group: { column: group }',
    'thickness:',
    '  table: thickness.csv',
    ...(opts.compare ? ['compare:', '  test: welch', `  by: ${opts.sessions ? 'session,' : ''}step,task,channel,muscle,side`] : []),
  ].join('\n');
  writeFileSync(join(dir, 'study.yaml'), `${config}\n`);
  return { dir, config: join(dir, 'study.yaml') };
}
