import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { channelQuality } from '../dsp/channel-quality.js';
import type { Io } from '../io/io.js';
import type { CommandResult, InputRef } from '../io/output.js';
import { readRecording } from '../io/read-recording.js';
import { writeRecordingCsv } from '../io/write-recording.js';
import type { Channel, Recording } from '../model/recording.js';
import { conditionChannels, defaultJobs } from '../pipeline/condition-recording.js';
import { describeChain, type ConditionParams } from '../pipeline/condition-channel.js';
import { normalizeChannel } from '../pipeline/normalize-channels.js';
import { renderTable } from '../render/table.js';
import { TOOL } from '../version.js';
import type { CommandModule } from './command-module.js';
import {
  addConditionOptions,
  addNormalizeOptions,
  conditionParams,
  conditionParamsJson,
  normalizeParams,
  type ConditionFlagValues,
  type NormalizeFlag,
} from './condition-options.js';
import { addOutputOptions, addRecordingOptions, parseNameList, parseNumber, recordingOptions } from './options.js';
import { recordingInputs } from '../io/recording-files.js';
import { assertNoMissing } from '../pipeline/assert-no-missing.js';

/** Picks the named channels (all when `names` is undefined); an unknown name is a usage error. */
export function selectChannels(rec: Recording, names: string[] | undefined): Channel[] {
  if (names === undefined) return rec.channels;
  return names.map((n) => {
    const ch = rec.channels.find((c) => c.name === n);
    if (!ch) throw new UsageError(`unknown channel "${n}" in ${rec.source.path} (channels: ${rec.channels.map((c) => c.name).join(', ')})`);
    return ch;
  });
}

interface ChannelRecord {
  channel: string;
  unit_in: string;
  unit_out: string;
  n_samples: number;
  mean: number;
  rms: number;
  min: number;
  max: number;
  reference_value: number | null;
  reference_unit: string | null;
  reference_source: string | null;
  reference_start_s: number | null;
  reference_window_ms: number | null;
  above_100_pct_count: number | null;
}

export const processCommand: CommandModule = {
  name: 'process',
  register(program: Command): Command {
    const cmd = program
      .command('process')
      .description(
        'condition a recording: DC removal → band-pass/high-pass/low-pass → notch → rectification → envelope → normalisation (fixed order; zero-phase filters as SciPy)',
      )
      .argument('<recording>', 'recording to process (CSV/TSV/text, .gz, WFDB .hea)')
      .option('--channels <list>', 'channels to process, comma-separated (default: all)');
    addConditionOptions(cmd);
    addNormalizeOptions(cmd);
    cmd.option('--out <file>', 'write the processed recording as CSV (atomically); without it only the summary is printed');
    cmd.option('--jobs <n>', 'worker threads across channels, and for formatting --out (default: number of cores)');
    addRecordingOptions(cmd);
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, _io: Io): Promise<CommandResult> {
    const o = options as ConditionFlagValues & { channels?: string; out?: string; jobs?: string; normalize?: string; mvcWindowMs?: string };
    const ropts = recordingOptions(options as Parameters<typeof recordingOptions>[0]);
    const chain: ConditionParams = conditionParams(o);
    const norm: NormalizeFlag = normalizeParams(o, chain);
    const jobs = o.jobs !== undefined ? parseNumber('--jobs', o.jobs, { integer: true, min: 1 }) : defaultJobs();
    const channelNames = o.channels !== undefined ? parseNameList('--channels', o.channels) : undefined;
    const path = args[0];
    if (o.out !== undefined && norm.method === 'mvc' && norm.files.includes(o.out)) throw new UsageError(`--out ${o.out} would overwrite an MVC input`);
    if (o.out !== undefined && o.out === path) throw new UsageError(`--out ${o.out} is the input recording: inputs are never overwritten`);

    const warnings: string[] = [];
    const { recording, warnings: w } = await readRecording(path, ropts);
    warnings.push(...w);
    const selected = selectChannels(recording, channelNames);
    assertNoMissing(recording, selected.map((c) => c.name));
    const fsHz = recording.fsHz;
    const inputs: InputRef[] = await recordingInputs(path);

    // MVC recordings: the same chain on the same channels, then the reference per channel.
    const mvcEnvelopes = new Map<string, { source: string; samples: Float64Array }[]>();
    if (norm.method === 'mvc') {
      for (const file of norm.files) {
        const { recording: mvc, warnings: mw } = await readRecording(file, ropts);
        warnings.push(...mw);
        inputs.push(...(await recordingInputs(file)));
        if (Math.abs(mvc.fsHz - fsHz) > 1e-9 * fsHz) {
          throw new InputError({ file }, `MVC recording is sampled at ${mvc.fsHz} Hz but ${path} at ${fsHz} Hz`);
        }
        const present = selected.filter((c) => mvc.channels.some((m) => m.name === c.name));
        assertNoMissing(mvc, present.map((c) => c.name));
        const conditioned = await conditionChannels(
          present.map((c) => (mvc.channels.find((m) => m.name === c.name) as Channel).samples),
          fsHz,
          chain,
          jobs,
        );
        present.forEach((c, j) => mvcEnvelopes.set(c.name, [...(mvcEnvelopes.get(c.name) ?? []), { source: file, samples: conditioned[j] }]));
      }
      const missing = selected.filter((c) => !mvcEnvelopes.has(c.name)).map((c) => c.name);
      if (missing.length > 0) {
        throw new InputError({ file: norm.files.join(', ') }, `no MVC recording has channel(s) ${missing.join(', ')}`);
      }
    }

    const originalUnits = selected.map((c) => c.unit);
    const nSamples = selected[0]?.samples.length ?? 0;
    const conditioned = await conditionChannels(
      selected.map((c) => c.samples),
      fsHz,
      chain,
      jobs,
    );
    const outChannels: Channel[] = [];
    const records: ChannelRecord[] = [];
    selected.forEach((c, j) => {
      let samples = conditioned[j];
      let unit = originalUnits[j];
      let ref: ChannelRecord['reference_value'] = null;
      let refInfo: Pick<ChannelRecord, 'reference_unit' | 'reference_source' | 'reference_start_s' | 'reference_window_ms' | 'above_100_pct_count'> = {
        reference_unit: null,
        reference_source: null,
        reference_start_s: null,
        reference_window_ms: null,
        above_100_pct_count: null,
      };
      if (norm.method !== 'none') {
        const n = normalizeChannel(samples, fsHz, norm.method === 'mvc' ? { method: 'mvc', windowMs: norm.windowMs } : { method: 'peak' }, {
          task: path,
          mvcEnvelopes: mvcEnvelopes.get(c.name),
        });
        samples = n.values;
        unit = n.unit;
        ref = n.reference.value;
        refInfo = {
          reference_unit: originalUnits[j],
          reference_source: n.reference.source,
          reference_start_s: n.reference.startS,
          reference_window_ms: n.reference.windowMs,
          above_100_pct_count: n.aboveCount,
        };
        if (n.aboveCount > 0 && norm.method === 'mvc') {
          warnings.push(`${c.name}: ${n.aboveCount} samples above 100 %MVC (kept); the MVC may not have been maximal`);
        }
      }
      const q = channelQuality(samples);
      records.push({ channel: c.name, unit_in: originalUnits[j], unit_out: unit, n_samples: samples.length, mean: q.mean, rms: q.rms, min: q.min, max: q.max, reference_value: ref, ...refInfo });
      outChannels.push({ name: c.name, unit, samples });
    });

    const steps = describeChain(chain, fsHz);
    if (norm.method === 'mvc') steps.push(`normalised to MVC: largest ${norm.windowMs} ms mean of the envelope across ${norm.files.join(', ')}`);
    if (norm.method === 'peak') steps.push('normalised to the peak of the task envelope');
    if (o.out !== undefined) {
      const out: Recording = { ...recording, channels: outChannels };
      await writeRecordingCsv(o.out, out, [`processed by ${TOOL.name} ${TOOL.version} from ${path}`, ...steps.map((s, i) => `step ${i + 1}: ${s}`)], { jobs });
    }
    const params = {
      recording: path,
      channels: selected.map((c) => c.name),
      fs_hz: fsHz,
      ...conditionParamsJson(chain),
      normalize: norm.method === 'mvc' ? { method: 'mvc', files: norm.files, window_ms: norm.windowMs } : { method: norm.method },
      steps,
      out: o.out ?? null,
      jobs,
      input_fs_hz: ropts.fsHz ?? null,
      unit: ropts.unit ?? null,
      names: ropts.names ?? null,
      time_tolerance_periods: ropts.timeTolerance,
    };
    return {
      command: 'process',
      params,
      inputs,
      results: records as unknown as Record<string, unknown>[],
      warnings,
      human: ({ colour }) =>
        renderTable(
          {
            title: `${path}  ${fsHz} Hz, ${nSamples} samples${o.out ? ` → ${o.out}` : ' (no --out: nothing written)'}`,
            head: ['channel', 'unit', 'mean', 'RMS', 'min', 'max', 'reference', 'ref. source', '>100 %'],
            rows: records.map((r) => [
              r.channel,
              r.unit_out || '–',
              r.mean,
              r.rms,
              r.min,
              r.max,
              r.reference_value === null ? null : `${r.reference_value.toPrecision(4)} ${r.reference_unit}`,
              r.reference_source === null ? null : `${r.reference_source} @ ${r.reference_start_s?.toFixed(3)} s`,
              r.above_100_pct_count,
            ]),
            alignRight: [2, 3, 4, 5, 8],
          },
          colour,
        ) + (steps.length > 0 ? `steps: ${steps.join(' → ')}\n` : 'steps: none (the signal is copied unchanged)\n'),
    };
  },
};
