import { describe, expect, it } from 'vitest';
import { readThickness } from '../../src/io/read-thickness.js';
import { summariseThickness } from '../../src/pipeline/summarise-thickness.js';
import { tempDir, writeTemp } from '../helpers/run-cli.js';

const dir = tempDir();

describe('thickness tables', () => {
  it('long form with aliases, case-insensitive, extra columns carried through', async () => {
    const p = writeTemp(
      dir,
      'long.csv',
      'Participant_ID,Group,Muscle,Side,Condition,Trial,Thickness (mm),probe\n' +
        'S1,LBP,ES,left,Rest,1,31.5,L14-5\nS1,LBP,ES,left,Contracted,1,34.1,L14-5\nS2,control,ES,R,rest,1,30,L14-5\n',
    );
    const { table, warnings } = await readThickness(p);
    expect(warnings).toEqual([]);
    expect(table.form).toBe('long');
    expect(table.extraColumns).toEqual(['probe']);
    expect(table.rows.map((r) => [r.subject, r.group, r.side, r.condition, r.trial, r.thicknessMm, r.extra.probe, r.line])).toEqual([
      ['S1', 'LBP', 'L', 'rest', '1', 31.5, 'L14-5', 2],
      ['S1', 'LBP', 'L', 'contracted', '1', 34.1, 'L14-5', 3],
      ['S2', 'control', 'R', 'rest', '1', 30, 'L14-5', 4],
    ]);
    const s = summariseThickness(table);
    expect(s.groups).toEqual([
      { group: 'control', subjects: 1 },
      { group: 'LBP', subjects: 1 },
    ]);
    // 2 subjects × 1 muscle × 2 sides × 2 conditions × 1 trial = 8 cells, 3 present.
    expect(s.missing_cells).toBe(5);
  });
  it('wide form (rest_mm, contracted_mm) becomes long form; semicolons with decimal commas', async () => {
    const p = writeTemp(dir, 'wide.csv', 'subject;group;muscle;side;level;trial;rest_mm;contracted_mm\nS1;LBP;MF;L;L4;1;28,5;31,25\n');
    const { table } = await readThickness(p);
    expect(table.form).toBe('wide');
    expect(table.rows.map((r) => [r.condition, r.thicknessMm, r.level])).toEqual([
      ['rest', 28.5, 'L4'],
      ['contracted', 31.25, 'L4'],
    ]);
  });
  it('a second value for the same cell is an error naming both lines', async () => {
    const p = writeTemp(dir, 'dup.csv', 'subject,group,muscle,side,condition,trial,thickness_mm\nS1,LBP,ES,L,rest,1,30\nS1,LBP,ES,L,rest,1,31\n');
    await expect(readThickness(p)).rejects.toThrow(`${p}:3:7: second rest thickness for subject "S1", ES L, trial 1 (first on line 2)`);
  });
  it('a subject in two groups is an error', async () => {
    const p = writeTemp(dir, 'grp.csv', 'subject,group,muscle,side,condition,trial,thickness_mm\nS1,LBP,ES,L,rest,1,30\nS1,control,ES,R,rest,1,31\n');
    await expect(readThickness(p)).rejects.toThrow(/:3:2: subject "S1" is in group "control" here but "LBP" on line 2/);
  });
  it('thickness in cm is converted to mm', async () => {
    const p = writeTemp(dir, 'cm.csv', 'subject,group,muscle,side,condition,trial,thickness_cm\nS1,LBP,ES,L,rest,1,3.1\n');
    const { table } = await readThickness(p);
    expect(table.rows[0].thicknessMm).toBeCloseTo(31, 12);
  });
});
