import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, UsageError, formatLocation } from '../errors.js';
import { fileError } from '../io/read-bytes.js';

/** A step section: the options of the command of the same name, keyed by long flag without dashes. */
export type StepOptions = Record<string, string | number | boolean | (string | number)[]>;

export interface RecordingSet {
  task?: string;
  files: string;
  events?: string;
  mvc?: string;
}

export interface StudyConfig {
  name?: string;
  description?: string;
  simulated?: boolean;
  participants: string;
  group?: { column?: string; reference?: string };
  recordings?: RecordingSet[];
  channels?: Record<string, { muscle: string; side?: string }>;
  read?: StepOptions;
  onset?: StepOptions;
  activation?: StepOptions;
  thickness?: StepOptions;
  compare?: StepOptions;
}

export interface LoadedConfig {
  path: string;
  /** Folder that relative paths in the config are resolved against. */
  baseDir: string;
  config: StudyConfig;
  /** The file's text, for hashing and provenance. */
  text: string;
  /** `file:line:col` of a key path in the YAML (or the file alone when not found). */
  where(path: (string | number)[]): string;
}

const SCHEMA_URL = new URL('../../schema/study.schema.json', import.meta.url);
let validator: ReturnType<Ajv2020['compile']> | undefined;

function validate(value: unknown) {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  }
  const ok = validator(value);
  return { ok, errors: validator.errors ?? [] };
}

/** An error in the study configuration: bad usage (exit 2), named by file, line and column. */
export class ConfigError extends UsageError {}

function locate(doc: Document, lc: LineCounter, file: string, path: (string | number)[], key = false): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const p = path.slice(0, depth);
    let range: [number, number, number] | undefined;
    if (key && depth === path.length && depth > 0) {
      const parent = p.length > 1 ? doc.getIn(p.slice(0, -1), true) : doc.contents;
      const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
      range = items?.find((it) => it.key?.value === p[p.length - 1])?.key?.range;
    }
    if (!range) {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      range = (node as { range?: [number, number, number] } | null)?.range;
    }
    if (range) {
      const { line, col } = lc.linePos(range[0]);
      return formatLocation({ file, line, column: col });
    }
  }
  return file;
}

/** Reads, parses and validates `study.yaml`; every error names the file, line, column and key. */
export function loadStudyConfig(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError(path, err);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = lc.linePos(e.pos[0]);
    throw new InputError({ file: path, line, column: col }, `is not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const value = doc.toJS() as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${path}: a study config is a mapping of keys (participants, recordings, …)`);
  const { ok, errors } = validate(value);
  if (!ok) {
    const e = errors[0];
    const parts = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
      throw new ConfigError(
        `${locate(doc, lc, path, [...parts, extra], true)}: unknown key "${extra}"${parts.length ? ` in ${parts.join('.')}` : ''}` +
          (known.length ? ` (known: ${known.join(', ')})` : ''),
      );
    }
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      throw new ConfigError(`${locate(doc, lc, path, parts)}: ${parts.length ? parts.join('.') : 'the config'} needs the key "${missing}"`);
    }
    throw new ConfigError(`${locate(doc, lc, path, parts)}: ${parts.join('.') || 'config'} ${e.message ?? 'is invalid'}`);
  }
  return {
    path,
    baseDir: dirname(resolve(path)),
    config: value as StudyConfig,
    text,
    where: (p) => locate(doc, lc, path, p, true),
  };
}
