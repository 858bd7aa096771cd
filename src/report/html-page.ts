import { escapeHtml } from './escape-html.js';

/** One section of the report: its anchor, heading and body (HTML already escaped by its builder). */
export interface PageSection {
  id: string;
  title: string;
  html: string;
}

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 3px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
p.meta { color: #555; margin: 0 0 12px; font-size: 12px; }
nav.toc { background: #f6f7f9; border: 1px solid #e1e4e8; padding: 8px 16px; margin: 16px 0; }
nav.toc ol { margin: 4px 0; padding-left: 20px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 12px; }
th, td { border: 1px solid #d0d4d9; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f2f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.apa { min-width: 19em; }
table.wide { width: 100%; }
figure.fig { margin: 12px 0 24px; overflow-x: auto; }
figure.fig svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #333; margin-top: 4px; max-width: 900px; }
.note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 6px 10px; margin: 8px 0; }
.ok { color: #1a7f37; }
.warn { color: #9a6700; }
.patient-summary li { margin: 4px 0; }
.real { font-weight: bold; }
code { font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav.toc { break-after: page; }
  h2 { break-after: avoid; }
  figure.fig, .note { break-inside: avoid; }
  td.num { white-space: normal; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  figure.fig { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 14mm 12mm; }
`;

/**
 * A self-contained HTML page: styles inline, figures as inline SVG, no script at all, and a
 * content-security policy that forbids scripts and any network fetch, so the file opens the same
 * without a network and nothing in it can run. `title` and `subtitle` are text (escaped here);
 * section bodies are HTML their builders escaped.
 */
export function htmlPage(opts: { title: string; subtitle: string; sections: PageSection[] }): string {
  const toc = opts.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('');
  const body = opts.sections.map((s) => `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(opts.title)}</h1>
<p class="meta">${escapeHtml(opts.subtitle)}</p>
<nav class="toc"><strong>Contents</strong><ol>${toc}</ol></nav>
${body}
</body>
</html>
`;
}

/** A table from text cells (escaped here); `numeric` marks right-aligned columns. */
export function htmlTable(head: string[], rows: (string | number | null)[][], opts: { numeric?: number[]; apa?: number; className?: string; caption?: string } = {}): string {
  const num = new Set(opts.numeric ?? []);
  const cls = (j: number) => (num.has(j) ? ' class="num"' : j === opts.apa ? ' class="apa"' : '');
  const cell = (v: string | number | null) => (v === null ? '–' : typeof v === 'number' ? String(v) : v);
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((v, j) => `<td${cls(j)}>${escapeHtml(cell(v))}</td>`).join('')}</tr>`).join('\n');
  const caption = opts.caption ? `<caption>${escapeHtml(opts.caption)}</caption>` : '';
  return `<table${opts.className ? ` class="${escapeHtml(opts.className)}"` : ''}>${caption}<thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** A figure: inline SVG (from the charting library), with a caption (text, escaped here). */
export function htmlFigure(opts: { id: string; kind: string; marks: readonly string[]; svg: string; caption: string }): string {
  return `<figure class="fig" id="${escapeHtml(opts.id)}" data-kind="${escapeHtml(opts.kind)}" data-marks="${escapeHtml(opts.marks.join(' '))}">\n${opts.svg}\n<figcaption>${escapeHtml(opts.caption)}</figcaption>\n</figure>`;
}

/** A paragraph of text (escaped here). */
export function htmlParagraph(text: string, className?: string): string {
  return `<p${className ? ` class="${escapeHtml(className)}"` : ''}>${escapeHtml(text)}</p>`;
}
