/**
 * The committed sample study meets what it promises in samples/README.md: size, labelling,
 * layout, and the ground truth the later commands are demonstrated against.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = new URL('../../samples/', import.meta.url).pathname;
const FS_HZ = 2000;
const HEADER = 'TrA_R (uV),MF_R (uV),ES_R (uV),GMed_R (uV),DELT_R (uV)';
const CHANNELS = ['TrA_R', 'MF_R', 'ES_R', 'GMed_R', 'DELT_R'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
function readText(path: string): string {
  const raw = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}
function readTsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readText(path).split('\n').filter((l) => l.length > 0);
  const cols = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}
interface Emg {
  comments: string[];
  header: string;
  channels: Float64Array[];
}
function readEmg(path: string): Emg {
  const lines = readText(path).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const comments = lines.filter((l) => l.startsWith('#'));
  const body = lines.slice(comments.length);
  const header = body[0];
  const rows = body.slice(1);
  const channels = CHANNELS.map(() => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    const fields = row.split(',');
    if (fields.length !== CHANNELS.length) throw new Error(`${path}:${i + comments.length + 2}: ${fields.length} fields`);
    fields.forEach((f, c) => {
      const v = Number(f);
      if (!Number.isFinite(v) || f.trim() === '') throw new Error(`${path}:${i + comments.length + 2}: "${f}" is not a number`);
      channels[c][i] = v;
    });
  });
  return { comments, header, channels };
}
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sampleVar = (xs: readonly number[]): number => xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1);
/** Standard deviation over samples [from, to): ignores the offset; windows are short enough (100 ms) that drift hardly counts. */
function sdOf(x: Float64Array, from: number, to: number): number {
  return Math.sqrt(sampleVar(Array.from(x.subarray(from, to))));
}

const participants = readTsv(join(root, 'participants.tsv'));
const emgSubjects = participants.map((p) => p.participant_id).filter((id) => existsSync(join(root, 'emg', id)));
const truth = readTsv(join(root, 'emg', 'ground_truth_onsets.tsv'));
const mvcTruth = readTsv(join(root, 'emg', 'ground_truth_mvc.tsv'));
const sec = (s: string): number => Math.round(Number(s) * FS_HZ);

describe('committed samples', () => {
  it('stay under 5 MB in all', () => {
    const bytes = walk(root).reduce((a, f) => a + statSync(f).size, 0);
    expect(bytes).toBeLessThan(5_000_000);
  });

  it('say they are simulated in every CSV, the README and the study file', () => {
    const csvs = walk(root).filter((f) => /\.csv(\.gz)?$/.test(f));
    expect(csvs.length).toBe(1 + 2 * emgSubjects.length);
    for (const f of csvs) expect(readText(f).split('\n')[0], f).toMatch(/^# simulated: /);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/SIMULATED/);
    expect(readFileSync(join(root, 'study.yaml'), 'utf8')).toMatch(/simulated/i);
  });

  it('list 30 LBP and 30 control participants, 10 + 10 of them with EMG', () => {
    expect(readText(join(root, 'participants.tsv')).split('\n')[0]).toBe('participant_id\tgroup\tage\tsex\tsymptom_side');
    expect(participants.filter((p) => p.group === 'LBP').length).toBe(30);
    expect(participants.filter((p) => p.group === 'control').length).toBe(30);
    const emgGroups = emgSubjects.map((id) => participants.find((p) => p.participant_id === id)?.group);
    expect(emgGroups.filter((g) => g === 'LBP').length).toBe(10);
    expect(emgGroups.filter((g) => g === 'control').length).toBe(10);
  });

  describe('EMG', () => {
    const arm = new Map<string, Emg>();
    const mvc = new Map<string, Emg>();
    beforeAll(() => {
      for (const id of emgSubjects) {
        arm.set(id, readEmg(join(root, 'emg', id, `${id}_task-armraise_emg.csv.gz`)));
        mvc.set(id, readEmg(join(root, 'emg', id, `${id}_task-mvc_emg.csv.gz`)));
      }
    });

    it('has the wide layout with fs metadata and five channels in µV', () => {
      for (const rec of [...arm.values(), ...mvc.values()]) {
        expect(rec.comments).toContain('# fs=2000');
        expect(rec.header).toBe(HEADER);
      }
    });

    it('has 5–8 arm-raise trials with 0.5 s of quiet before and 1 s of recording after each cue', () => {
      for (const id of emgSubjects) {
        const events = readTsv(join(root, 'emg', id, `${id}_task-armraise_events.tsv`));
        expect(Object.keys(events[0])).toEqual(['onset', 'duration', 'trial_type']);
        expect(events.length).toBeGreaterThanOrEqual(5);
        expect(events.length).toBeLessThanOrEqual(8);
        const n = arm.get(id)!.channels[0].length;
        const rows = truth.filter((t) => t.subject === id);
        events.forEach((e, k) => {
          expect(e.trial_type).toBe('arm_raise');
          const cue = sec(e.onset);
          const trial = rows.filter((t) => Number(t.trial) === k + 1);
          expect(trial.length).toBe(CHANNELS.length);
          for (const t of trial) expect(sec(t.event_onset_s)).toBe(cue);
          const previousEnd = Math.max(0, ...rows.filter((t) => Number(t.trial) === k).map((t) => sec(t.offset_s)));
          expect(cue - previousEnd, `${id} trial ${k + 1}`).toBeGreaterThanOrEqual(0.5 * FS_HZ);
          expect(n - cue).toBeGreaterThanOrEqual(1 * FS_HZ);
        });
      }
    });

    it('has ground-truth onsets with feed-forward TrA in controls and delayed TrA in LBP', () => {
      const group = (id: string): string => participants.find((p) => p.participant_id === id)!.group;
      expect(truth.length).toBe(emgSubjects.length * 5 * CHANNELS.length);
      for (const t of truth) {
        const lat = Number(t.latency_to_deltoid_ms);
        if (t.muscle === 'DELT') {
          expect(lat).toBe(0);
          expect(Number(t.latency_to_event_ms)).toBeGreaterThanOrEqual(150);
          expect(Number(t.latency_to_event_ms)).toBeLessThanOrEqual(250);
        } else if (t.muscle === 'TrA') {
          if (group(t.subject) === 'control') expect(lat >= -50 && lat <= -20, `${t.subject} ${t.trial} ${lat}`).toBe(true);
          else expect(lat >= 20 && lat <= 100, `${t.subject} ${t.trial} ${lat}`).toBe(true);
        } else {
          expect(Math.abs(lat)).toBeLessThanOrEqual(50);
        }
      }
    });

    it('shows each burst in the data where the ground truth puts it', () => {
      for (const t of truth) {
        const x = arm.get(t.subject)!.channels[CHANNELS.indexOf(t.channel)];
        const cue = sec(t.event_onset_s);
        const onset = sec(t.onset_s);
        const baseline = sdOf(x, cue - FS_HZ / 10, cue);
        const quietBeforeOnset = sdOf(x, onset - FS_HZ / 10, onset);
        const active = sdOf(x, onset + FS_HZ / 20, onset + (3 * FS_HZ) / 20);
        expect(active / baseline, `${t.subject} trial ${t.trial} ${t.channel}`).toBeGreaterThan(1.8);
        expect(quietBeforeOnset / baseline, `${t.subject} trial ${t.trial} ${t.channel}`).toBeLessThan(1.5);
      }
    });

    it('has MVC contractions stronger than the task: task amplitude 5–60 % of MVC', () => {
      for (const id of emgSubjects) {
        const events = readTsv(join(root, 'emg', id, `${id}_task-mvc_events.tsv`));
        expect(events.map((e) => e.channel)).toEqual(CHANNELS);
        CHANNELS.forEach((ch, c) => {
          const e = events[c];
          expect(e.trial_type).toBe(`mvc_${ch.split('_')[0]}`);
          const start = sec(e.onset);
          const len = sec(e.duration);
          // Middle half of the contraction.
          const mvcRms = sdOf(mvc.get(id)!.channels[c], start + len / 4, start + (3 * len) / 4);
          const taskRms = mean(
            truth
              .filter((t) => t.subject === id && t.channel === ch)
              .map((t) => sdOf(arm.get(id)!.channels[c], sec(t.onset_s) + FS_HZ / 20, sec(t.onset_s) + (3 * FS_HZ) / 20)),
          );
          const pct = (100 * taskRms) / mvcRms;
          expect(pct > 5 && pct < 60, `${id} ${ch}: ${pct.toFixed(1)} %MVC`).toBe(true);
        });
      }
      for (const m of mvcTruth) {
        expect(Number(m.task_pct_mvc)).toBeGreaterThan(5);
        expect(Number(m.task_pct_mvc)).toBeLessThan(60);
      }
    });
  });

  describe('RUSI thickness table', () => {
    const lines = readText(join(root, 'thickness.csv')).split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
    const cols = lines[0].split(',');
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));

    it('is long form: 60 subjects × ES, GM × L, R × rest, contracted × 3 trials', () => {
      expect(cols).toEqual(['subject', 'group', 'muscle', 'side', 'condition', 'trial', 'thickness_mm']);
      expect(rows.length).toBe(60 * 2 * 2 * 2 * 3);
      expect(new Set(rows.map((r) => r.subject)).size).toBe(60);
      for (const r of rows) expect(Number(r.thickness_mm)).toBeGreaterThan(5);
    });

    it('realizes group differences in percent thickness change of about 3.5 (ES) and 1.9 (GM) points, none at rest', () => {
      for (const [muscle, target] of [['ES', -3.5], ['GM', -1.9]] as const) {
        const subjects = [...new Set(rows.map((r) => r.subject))];
        const perSubject = subjects.map((s) => {
          const mine = rows.filter((r) => r.subject === s && r.muscle === muscle);
          const bySide = ['L', 'R'].map((side) => {
            const v = (cond: string): number => mean(mine.filter((r) => r.side === side && r.condition === cond).map((r) => Number(r.thickness_mm)));
            return { pct: ((v('contracted') - v('rest')) / v('rest')) * 100, rest: v('rest') };
          });
          return { group: mine[0].group, pct: mean(bySide.map((b) => b.pct)), rest: mean(bySide.map((b) => b.rest)) };
        });
        const pick = (g: string, k: 'pct' | 'rest'): number[] => perSubject.filter((p) => p.group === g).map((p) => p[k]);
        const diff = mean(pick('LBP', 'pct')) - mean(pick('control', 'pct'));
        expect(Math.abs(diff - target), `${muscle} difference ${diff}`).toBeLessThan(0.15);
        const restL = pick('LBP', 'rest');
        const restC = pick('control', 'rest');
        const t = (mean(restL) - mean(restC)) / Math.sqrt(sampleVar(restL) / restL.length + sampleVar(restC) / restC.length);
        expect(Math.abs(t), `${muscle} rest Welch t ${t}`).toBeLessThan(1);
      }
    });
  });

  it('has a study.yaml whose paths exist', () => {
    const study = parseYaml(readFileSync(join(root, 'study.yaml'), 'utf8'));
    expect(existsSync(join(root, study.participants))).toBe(true);
    expect(existsSync(join(root, study.thickness.table))).toBe(true);
    for (const id of emgSubjects) {
      for (const set of study.recordings) {
        for (const pattern of [set.files, set.mvc]) {
          const path = join(root, String(pattern).replaceAll('{subject}', id));
          expect(existsSync(path), path).toBe(true);
        }
        // Events are the BIDS _events.tsv beside each recording.
        const events = join(root, String(set.files).replaceAll('{subject}', id).replace(/_emg\.csv\.gz$/, '_events.tsv'));
        expect(existsSync(events), events).toBe(true);
      }
    }
    expect(Object.keys(study.channels)).toEqual(CHANNELS);
  });
});
