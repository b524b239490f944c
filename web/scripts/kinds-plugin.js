// Gives the forms their fields and code lists from the one description of each record kind:
// docs/record.md (generated from src/model/kinds.cc by `journey schema --markdown`, and kept
// in step by model_test) and data/code_lists.csv. No field or code is written twice.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EXTRA_LISTS, FORM_KINDS } from '../src/formKinds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const recordMd = path.join(root, 'docs', 'record.md');
const codeListsCsv = path.join(root, 'data', 'code_lists.csv');
const VIRTUAL = 'virtual:kinds';

// Parses the "## kind" sections of record.md: each field's name, type, whether it is
// required and its meaning, plus the code list or referenced kind.
export function parseRecordMd(text) {
  const kinds = {};
  let current = null;
  for (const line of text.split('\n')) {
    const heading = line.match(/^## ([a-z0-9_]+)\s*$/);
    if (heading) {
      current = { name: heading[1], doc: '', fields: [] };
      kinds[current.name] = current;
      continue;
    }
    if (!current) continue;
    if (!current.doc && line.trim() && !line.startsWith('|') && !line.startsWith('A period')) {
      current.doc = line.trim();
      continue;
    }
    const row = line.match(/^\| ([a-z0-9_]+) \| (.+?) \| (yes)? ?\| (.*) \|$/);
    if (!row || row[1] === 'field') continue;
    const [, name, type, required, meaning] = row;
    const field = { name, type, required: required === 'yes', meaning };
    const code = type.match(/^code \(([a-z0-9_]+)\)$/);
    const ref = type.match(/^ref → ([a-z0-9_]+)$/);
    const text = type.match(/^text ≤(\d+)$/);
    if (code) Object.assign(field, { type: 'code', list: code[1] });
    else if (ref) Object.assign(field, { type: 'ref', ref: ref[1] });
    else if (text) Object.assign(field, { type: 'text', max: Number(text[1]) });
    current.fields.push(field);
  }
  return kinds;
}

// A minimal CSV reader for code_lists.csv (quoted fields with commas, doubled quotes).
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// Code lists as {list: [{code, label, from, to}]}; the page offers codes valid today.
export function codeLists(text) {
  const [header, ...rows] = parseCsv(text);
  const at = (n) => header.indexOf(n);
  const lists = {};
  for (const r of rows) {
    if (r.length < header.length) continue;
    (lists[r[at('list')]] ??= []).push({
      code: r[at('code')], label: r[at('label')],
      from: r[at('from_year')] ? Number(r[at('from_year')]) : null,
      to: r[at('to_year')] ? Number(r[at('to_year')]) : null,
    });
  }
  return lists;
}

export function kindsModule() {
  // Only the kinds the forms use and their code lists, to keep the page small.
  const all = parseRecordMd(readFileSync(recordMd, 'utf8'));
  const allLists = codeLists(readFileSync(codeListsCsv, 'utf8'));
  const kinds = {}, lists = {};
  for (const k of FORM_KINDS) {
    if (!all[k]) throw new Error(`docs/record.md has no kind ${k} (web/src/formKinds.js)`);
    kinds[k] = all[k];
    for (const f of all[k].fields) if (f.list) lists[f.list] = allLists[f.list] ?? [];
  }
  for (const l of EXTRA_LISTS) lists[l] = allLists[l] ?? [];
  return `export const kinds = ${JSON.stringify(kinds)};\nexport const codeLists = ${JSON.stringify(lists)};\n`;
}

export function kindsPlugin() {
  return {
    name: 'journey-kinds',
    resolveId(id) { return id === VIRTUAL ? '\0' + VIRTUAL : null; },
    load(id) {
      if (id !== '\0' + VIRTUAL) return null;
      this.addWatchFile(recordMd);
      this.addWatchFile(codeListsCsv);
      return kindsModule();
    },
  };
}
