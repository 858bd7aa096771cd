import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { findColumn, readTable } from '../io/read-table.js';
import type { LoadedConfig } from './config.js';
import { ConfigError } from './config.js';
import { discover, fillPattern } from './discover.js';

export interface Participant {
  id: string;
  group: string;
  /** Every column of the participants table, by header. */
  fields: Record<string, string>;
}

/** One recording to analyse: an independent unit of work. */
export interface WorkItem {
  /** Position in the study's fixed order (recording sets in config order, files sorted by path). */
  index: number;
  subject: string;
  group: string;
  task: string;
  session: string;
  run: string;
  /** Path to open, and the same relative to the config's folder (`/`-separated) for outputs. */
  path: string;
  relPath: string;
  events?: { path: string; relPath: string };
  mvc?: { path: string; relPath: string };
}

export interface StudyPlan {
  participants: Map<string, Participant>;
  participantsPath: string;
  groupColumn: string;
  items: WorkItem[];
  thicknessTable?: { path: string; relPath: string };
}

function rel(base: string, p: string): string {
  return relative(base, p).split(sep).join('/');
}

/** Resolves a config path against the config's folder. */
export function resolveIn(loaded: LoadedConfig, p: string): string {
  return isAbsolute(p) ? p : resolve(loaded.baseDir, p);
}

/**
 * The study's work: participants, and every recording the patterns match, each checked against the
 * participants table (a subject with recordings but no row there is an error, not a guess).
 */
export async function buildPlan(loaded: LoadedConfig): Promise<StudyPlan> {
  const c = loaded.config;
  const participantsPath = resolveIn(loaded, c.participants);
  const table = await readTable(participantsPath);
  const idCol = findColumn(table.header, ['participant_id', 'subject', 'subject_id', 'participant', 'id']);
  if (idCol < 0) throw new InputError({ file: participantsPath, line: table.headerLine }, 'participants table needs a participant_id (or subject) column');
  const groupColumn = c.group?.column ?? 'group';
  const groupCol = findColumn(table.header, [groupColumn.toLowerCase()]);
  if (groupCol < 0) throw new InputError({ file: participantsPath, line: table.headerLine }, `participants table has no "${groupColumn}" column (group.column in ${loaded.path})`);
  const participants = new Map<string, Participant>();
  for (const { cells, line } of table.rows) {
    const id = cells[idCol];
    if (participants.has(id)) throw new InputError({ file: participantsPath, line, column: idCol + 1 }, `participant "${id}" is listed twice`);
    const fields: Record<string, string> = {};
    table.header.forEach((h, j) => (fields[h] = cells[j]));
    participants.set(id, { id, group: cells[groupCol], fields });
  }
  if (c.group?.reference !== undefined && ![...participants.values()].some((p) => p.group === c.group?.reference)) {
    throw new ConfigError(`${loaded.where(['group', 'reference'])}: no participant is in the reference group "${c.group.reference}"`);
  }

  const items: WorkItem[] = [];
  (c.recordings ?? []).forEach((set, s) => {
    let matches;
    try {
      matches = discover(loaded.baseDir, set.files);
    } catch (err) {
      throw new ConfigError(`${loaded.where(['recordings', s, 'files'])}: ${(err as Error).message}`);
    }
    if (!set.files.includes('{subject}')) throw new ConfigError(`${loaded.where(['recordings', s, 'files'])}: the pattern needs {subject} so each file has its participant`);
    if (matches.length === 0) {
      throw new InputError({ file: loaded.where(['recordings', s, 'files']) }, `recordings pattern "${set.files}" matches no file below ${loaded.baseDir}`);
    }
    for (const m of matches) {
      const subject = m.vars.subject as string;
      const p = participants.get(subject);
      if (!p) {
        throw new InputError(
          { file: m.path },
          `subject "${subject}" has recordings but is not in the participants table ${participantsPath}`,
        );
      }
      const item: WorkItem = {
        index: items.length,
        subject,
        group: p.group,
        task: m.vars.task ?? set.task ?? '',
        session: m.vars.session ?? '',
        run: m.vars.run ?? '',
        path: m.path,
        relPath: m.relPath,
      };
      const companion = (key: 'events' | 'mvc', pattern: string | undefined) => {
        if (pattern === undefined) return undefined;
        const { text, missing } = fillPattern(pattern, m.vars);
        if (missing.length) throw new ConfigError(`${loaded.where(['recordings', s, key])}: {${missing.join('}, {')}} is not in the files pattern, so it has no value here`);
        const full = resolveIn(loaded, text);
        return { path: full, relPath: rel(loaded.baseDir, full) };
      };
      item.events = companion('events', set.events);
      if (!item.events) {
        // BIDS: sub-01_task-x_emg.csv(.gz) comes with sub-01_task-x_events.tsv beside it.
        const sibling = m.path.replace(/_emg\.(csv|tsv|txt)(\.gz)?$/i, '_events.tsv');
        if (sibling !== m.path && existsSync(sibling)) item.events = { path: sibling, relPath: rel(loaded.baseDir, sibling) };
      }
      item.mvc = companion('mvc', set.mvc);
      items.push(item);
    }
  });
  let thicknessTable: StudyPlan['thicknessTable'];
  const t = c.thickness?.table;
  if (t !== undefined) {
    if (typeof t !== 'string') throw new ConfigError(`${loaded.where(['thickness', 'table'])}: thickness.table is a path`);
    const full = resolveIn(loaded, t);
    thicknessTable = { path: full, relPath: rel(loaded.baseDir, full) };
  }
  return { participants, participantsPath, groupColumn, items, thicknessTable };
}

