import { parentPort } from 'node:worker_threads';
import { bufferOf, csvRowsMaxBytes, formatCsvRows } from './format-csv-rows.js';
import type { FormatReply, FormatRequest } from './write-recording-rows.js';

/**
 * Worker thread of `writeRecordingCsv`: formats one block of rows per message (`formatCsvRows`)
 * and moves the text back, with the block's values buffer so it can be reused.
 */
parentPort?.on('message', (req: FormatRequest) => {
  try {
    const cols: Float64Array[] = [];
    for (let j = 0; j < req.width; j++) cols.push(new Float64Array(req.values, 8 * j * req.rows, req.rows));
    const need = csvRowsMaxBytes(req.rows, req.width);
    const text = req.text && req.text.byteLength >= need ? req.text : new ArrayBuffer(need);
    const length = formatCsvRows(cols, 0, req.rows, bufferOf(text), 0);
    const reply: FormatReply = { id: req.id, ok: true, values: req.values, text, length };
    parentPort?.postMessage(reply, [req.values, text]);
  } catch (err) {
    const e = err as Error;
    const reply: FormatReply = { id: req.id, ok: false, message: `${e.name}: ${e.message}` };
    parentPort?.postMessage(reply);
  }
});
