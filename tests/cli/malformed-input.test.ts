import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempDir, writeTemp } from '../helpers/run-cli.js';

/**
 * The catalogue of malformed inputs: each gets exit 3 and one message naming file, line and
 * column where they apply, and never a stack trace.
 */
const dir = tempDir('myoscope-malformed-');
const f = (name: string, content: string) => writeTemp(dir, name, content);

interface Case {
  name: string;
  file: () => string;
  args?: string[];
  /** The message after `myoscope: error: <file>`. */
  message: RegExp;
}

const cases: Case[] = [
  { name: 'missing file', file: () => join(dir, 'nope.csv'), message: /^: no such file$/ },
  { name: 'empty file', file: () => f('empty.csv', ''), message: /^: is empty$/ },
  { name: 'header only', file: () => f('header-only.csv', 'time,ES_L (mV)\n'), message: /^:2: has a header row but no data rows$/ },
  { name: 'ragged row', file: () => f('ragged.csv', 'time,a,b\n0,1,2\n0.001,3\n0.002,4,5\n'), message: /^:3:3: row has 2 fields, expected 3$/ },
  { name: 'non-numeric cell', file: () => f('text-cell.csv', 'time,a,b\n0,1,2\n0.001,0,0021x,3\n'.replace('0,0021x,3', '0.0021x,3')), message: /^:3:2: "0.0021x" is not a number$/ },
  { name: 'infinite cell', file: () => f('inf.csv', 'time,a\n0,1\n0.001,1e400\n'), message: /^:3:2: "1e400" is not finite$/ },
  { name: 'duplicate channel names', file: () => f('dup.csv', 'time,ES_L (mV),ES_R (mV),ES_L (uV)\n0,1,2,3\n'), message: /^:1:4: duplicate channel name "ES_L" \(also column 2\)$/ },
  { name: 'non-monotonic time', file: () => f('nonmono.csv', 'time,a\n0,1\n0.001,2\n0.001,3\n0.003,4\n'), message: /^:4:1: time 0.001 s does not increase/ },
  {
    name: 'irregular time (a dropped sample)',
    file: () => f('irregular.csv', `time,a\n${[0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11].map((i) => `${i / 1000},${i}`).join('\n')}\n`),
    message: /^:\d+:1: irregular sampling: time .* sample periods off the regular grid/,
  },
  { name: 'no time column and no --fs', file: () => f('nofs.csv', 'a,b\n1,2\n3,4\n'), message: /^: has no time column and no sample rate in its metadata: give the sample rate with --fs HZ$/ },
  { name: 'unknown unit', file: () => f('unit.csv', 'time,ES_L (furlongs)\n0,1\n0.001,2\n'), message: /^:1:2: unknown unit "furlongs" in column "ES_L \(furlongs\)"/ },
  {
    name: 'thickness value of zero',
    file: () => f('thick0.csv', 'subject,group,muscle,side,condition,trial,thickness_mm\nS1,LBP,ES,L,rest,1,31.2\nS1,LBP,ES,L,contracted,1,0\n'),
    message: /^:3:7: thickness 0 mm must be greater than 0$/,
  },
  {
    name: 'negative thickness',
    file: () => f('thickneg.csv', 'subject,group,muscle,side,condition,trial,thickness_mm\nS1,LBP,ES,L,rest,1,-3\n'),
    message: /^:2:7: thickness -3 mm must be greater than 0$/,
  },
  {
    name: 'thickness missing',
    file: () => f('thickmiss.csv', 'subject,group,muscle,side,condition,trial,thickness_mm\nS1,LBP,ES,L,rest,1,\n'),
    message: /^:2:7: thickness is missing$/,
  },
  {
    name: 'thickness not a number',
    file: () => f('thicktext.csv', 'subject,group,muscle,side,rest_mm,contracted_mm\nS1,LBP,ES,L,31.0,thick\n'),
    message: /^:2:6: thickness "thick" is not a number$/,
  },
  { name: 'not gzip despite the magic bytes', file: () => writeTemp(dir, 'bad.csv.gz', Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not really gzip')])), message: /^: is not valid gzip data/ },
];

describe('malformed input: exit 3 with file, line and column', () => {
  for (const c of cases) {
    it(c.name, () => {
      const file = c.file();
      const r = runCli(['inspect', file, ...(c.args ?? [])]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`myoscope: error: ${file}`)).toBe(true);
      expect(lines[0].slice(`myoscope: error: ${file}`.length)).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});

describe('bad usage: exit 2', () => {
  const good = () => f('good.csv', 'time,a\n0,1\n0.001,2\n');
  const usage: [string, string[], RegExp][] = [
    ['unknown flag', ['inspect', '--frobnicate'], /unknown option '--frobnicate'/],
    ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['--fs not a number', ['inspect', '--fs', '12abc', 'x.csv'], /--fs "12abc" is not a number/],
    ['--fs negative', ['inspect', '--fs', '-5', 'x.csv'], /--fs -5 Hz must be greater than 0 Hz/],
    ['--unit unknown', ['inspect', '--unit', 'furlongs', 'GOOD'], /--unit "furlongs" is not a unit we know/],
    ['--json with --csv', ['inspect', '--json', '--csv', 'GOOD'], /cannot be used with/],
    ['--names count', ['inspect', '--fs', '100', '--names', 'a,b', 'GOOD'], /--names gives 2 names but .* has 1 channels/],
  ];
  for (const [name, args, message] of usage) {
    it(name, () => {
      const r = runCli(args.map((a) => (a === 'GOOD' ? good() : a)));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }
});
