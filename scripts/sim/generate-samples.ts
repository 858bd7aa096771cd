/**
 * Writes the simulated sample study: participants, EMG recordings with events and ground truth,
 * and the RUSI thickness table. See `samples/README.md` for the model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { delimitedText } from './delimited-text.js';
import { emgCsvText } from './emg-csv-text.js';
import { CHANNELS, EMG_UNIT, FS_HZ, MVC, RECORDING, SEEDS } from './model.js';
import { simulateArmRaise, type OnsetTruth } from './simulate-arm-raise.js';
import { simulateMvc } from './simulate-mvc.js';
import { simulateParticipants } from './simulate-participants.js';
import { simulateThickness } from './simulate-thickness.js';
import { subjectEmgParams } from './subject-emg-params.js';
import { thicknessSummary, type MuscleSummary } from './thickness-summary.js';

export const SIMULATED_NOTE = 'simulated: myoscope sample study, NOT real data (model and parameters in samples/README.md)';

export interface GenerateOptions {
  /** Output folder (the `samples/` folder of the repository for the committed samples). */
  outDir: string;
  /** EMG subjects to write; all EMG participants when omitted. Other files are always complete. */
  subjects?: readonly string[];
  /** Master seeds; `SEEDS` when omitted. */
  seeds?: { emg: number; thickness: number };
}

export interface GenerateSummary {
  /** Paths written, relative to `outDir`, in order. */
  files: string[];
  thickness: Record<string, MuscleSummary>;
  /** Per group and muscle: mean ground-truth latency to the deltoid onset, in ms. */
  latencyToDeltoidMs: Record<string, Record<string, number>>;
  /** Per muscle: median over subjects of 20·log10(task plateau RMS / baseline RMS of noise + hum), in dB. */
  snrDb: Record<string, number>;
  /** Per muscle: mean task amplitude as % of the MVC amplitude (ground truth). */
  taskPctMvc: Record<string, number>;
}

const GZIP_LEVEL = 9;
const seconds = (sample: number): string => (sample / FS_HZ).toFixed(4);
const ms = (samples: number): string => ((samples * 1000) / FS_HZ).toFixed(1);

/** Generates the sample study into `options.outDir` and returns what it wrote and realized. */
export function generateSamples(options: GenerateOptions): GenerateSummary {
  const seeds = options.seeds ?? SEEDS;
  const out = options.outDir;
  const files: string[] = [];
  const write = (rel: string, content: string | Buffer): void => {
    const path = join(out, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    files.push(rel);
  };
  const gz = (text: string): Buffer => gzipSync(Buffer.from(text, 'utf8'), { level: GZIP_LEVEL });

  const participants = simulateParticipants(seeds.emg);
  if (options.subjects) {
    const unknown = options.subjects.filter((s) => !participants.some((p) => p.hasEmg && p.participantId === s));
    if (unknown.length > 0) throw new Error(`no EMG participant named ${unknown.join(', ')}`);
  }
  write(
    'participants.tsv',
    delimitedText(
      ['participant_id', 'group', 'age', 'sex', 'symptom_side'],
      participants.map((p) => [p.participantId, p.group, p.ageYears, p.sex, p.symptomSide]),
      '\t',
    ),
  );

  const thicknessRows = simulateThickness(seeds.thickness, participants);
  write(
    'thickness.csv',
    delimitedText(
      ['subject', 'group', 'muscle', 'side', 'condition', 'trial', 'thickness_mm'],
      thicknessRows.map((r) => [r.subject, r.group, r.muscle, r.side, r.condition, r.trial, r.thicknessMm.toFixed(1)]),
      ',',
      [SIMULATED_NOTE, 'RUSI thickness of erector spinae (ES) and gluteus medius (GM), long form'],
    ),
  );

  const emgParticipants = participants.filter((p) => p.hasEmg && (!options.subjects || options.subjects.includes(p.participantId)));
  const headers = CHANNELS.map((c) => `${c.name} (${EMG_UNIT})`);
  const truth: OnsetTruth[] = [];
  const mvcTruth: (string | number)[][] = [];
  const snr: Record<string, number[]> = {};
  const pctMvc: Record<string, number[]> = {};
  for (const p of emgParticipants) {
    const sub = p.participantId;
    const dir = `emg/${sub}`;
    const params = subjectEmgParams(seeds.emg, sub, p.group);
    const meta = (task: string): string[] => [SIMULATED_NOTE, `fs=${FS_HZ}`, `subject=${sub}`, `group=${p.group}`, `task=${task}`];

    const arm = simulateArmRaise(seeds.emg, params);
    write(`${dir}/${sub}_task-armraise_emg.csv.gz`, gz(emgCsvText(arm.channels, headers, meta('armraise'), RECORDING.writeDecimals)));
    write(
      `${dir}/${sub}_task-armraise_events.tsv`,
      delimitedText(['onset', 'duration', 'trial_type'], arm.eventSamples.map((e) => [seconds(e), '0', 'arm_raise']), '\t'),
    );
    truth.push(...arm.truth);

    const mvc = simulateMvc(seeds.emg, params);
    write(`${dir}/${sub}_task-mvc_emg.csv.gz`, gz(emgCsvText(mvc.channels, headers, meta('mvc'), RECORDING.writeDecimals)));
    write(
      `${dir}/${sub}_task-mvc_events.tsv`,
      delimitedText(
        ['onset', 'duration', 'trial_type', 'channel'],
        mvc.segments.map((s) => [seconds(s.startSample), seconds(s.lengthSamples), `mvc_${s.muscle}`, s.channel]),
        '\t',
      ),
    );

    CHANNELS.forEach((ch, c) => {
      mvcTruth.push([sub, p.group, ch.name, ch.muscle, params.mvcRmsUv[ch.muscle].toFixed(1), params.taskPctMvc[ch.muscle].toFixed(1), MVC.tasks[ch.muscle]]);
      const n = arm.nuisance;
      // Expected baseline power after offset and drift removal: noise + hum (all harmonics).
      const humPower = (n.humAmplitudeUv[c] ** 2 / 2) * RECORDING.humHarmonics.reduce((a, h) => a + h.relative ** 2, 1);
      const baselineRms = Math.sqrt(n.noiseRmsUv[c] ** 2 + humPower);
      const plateau = (params.mvcRmsUv[ch.muscle] * params.taskPctMvc[ch.muscle]) / 100;
      (snr[ch.muscle] ??= []).push(20 * Math.log10(plateau / baselineRms));
      (pctMvc[ch.muscle] ??= []).push(params.taskPctMvc[ch.muscle]);
    });
  }

  if (emgParticipants.length > 0) {
    write(
      'emg/ground_truth_onsets.tsv',
      delimitedText(
        ['subject', 'trial', 'channel', 'onset_s', 'group', 'muscle', 'event_onset_s', 'offset_s', 'latency_to_event_ms', 'latency_to_deltoid_ms', 'plateau_rms_uv'],
        truth.map((t) => [
          t.subject,
          t.trial,
          t.channel,
          seconds(t.onsetSample),
          t.group,
          t.muscle,
          seconds(t.eventSample),
          seconds(t.offsetSample),
          ms(t.onsetSample - t.eventSample),
          ms(t.onsetSample - t.deltoidOnsetSample),
          t.plateauRmsUv.toFixed(1),
        ]),
        '\t',
      ),
    );
    write(
      'emg/ground_truth_mvc.tsv',
      delimitedText(['subject', 'group', 'channel', 'muscle', 'mvc_rms_uv', 'task_pct_mvc', 'mvc_task'], mvcTruth, '\t'),
    );
  }

  const latencyToDeltoidMs: Record<string, Record<string, number>> = {};
  for (const group of ['control', 'LBP']) {
    latencyToDeltoidMs[group] = {};
    for (const ch of CHANNELS) {
      const xs = truth.filter((t) => t.group === group && t.channel === ch.name).map((t) => ((t.onsetSample - t.deltoidOnsetSample) * 1000) / FS_HZ);
      if (xs.length > 0) latencyToDeltoidMs[group][ch.muscle] = xs.reduce((a, b) => a + b, 0) / xs.length;
    }
  }
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const mapValues = (o: Record<string, number[]>, f: (xs: number[]) => number): Record<string, number> =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
  return {
    files,
    thickness: thicknessSummary(thicknessRows),
    latencyToDeltoidMs,
    snrDb: mapValues(snr, median),
    taskPctMvc: mapValues(pctMvc, (xs) => xs.reduce((a, b) => a + b, 0) / xs.length),
  };
}
