// Turns a record kind's fields into form values and back: what the user types is kept as
// typed (strings), and only on sending is it turned into the JSON the server expects
// (dates as YYYY-MM-DD, date-times as YYYY-MM-DDTHH:MM, yes/no as true/false, decimals as
// numbers). Checks here are only for plain-words help before sending; the server's
// validation (src/model/validate.cc) is the one that decides, and its errors are shown too.
import { codeLists, kinds } from 'virtual:kinds';
import { LABELS, SERVER_FILLED } from './formKinds.js';
import { formatDate, humanise } from './format.js';

export function fieldLabel(kind, field) {
  const label = LABELS[`${kind}.${field.name}`] || field.meaning || field.name;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

// The fields a user fills in (the server fills who recorded it).
export const userFields = (def) => def.fields.filter((f) => !SERVER_FILLED.has(f.name));

export function emptyValues(def) {
  const v = {};
  for (const f of userFields(def)) v[f.name] = f.type === 'date' || f.type === 'datetime' ? {} : '';
  return v;
}

const pad = (n, w) => String(n).padStart(w, '0');

// Parses day/month/year boxes; returns {value} or {error} in plain words.
export function parseDateParts(parts, label, withTime) {
  const { day = '', month = '', year = '', time = '' } = parts || {};
  if (!day && !month && !year && !time) return { value: null };
  const missing = [!day.trim() && 'day', !month.trim() && 'month', !year.trim() && 'year'].filter(Boolean);
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (![day, month, year].every((s) => /^\s*\d+\s*$/.test(s))) {
    return { error: `${label} must be a real date, in numbers` };
  }
  const d = Number(day), m = Number(month), y = Number(year);
  if (y < 1900 || y > 2100) return { error: `${label} must have a year with 4 numbers, like 2026` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { error: `${label} must be a real date` };
  }
  let value = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  if (withTime) {
    const t = time.trim().match(/^(\d{1,2})[:.](\d{2})$/);
    if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) {
      return { error: `${label} must include a time in 24-hour form, like 14:30` };
    }
    value += `T${pad(t[1], 2)}:${t[2]}`;
  }
  return { value };
}

// Values as typed → {payload, errors}; errors are [{field, message}] like the server's.
export function toPayload(kind, def, values) {
  const payload = {};
  const errors = [];
  for (const f of userFields(def)) {
    const label = fieldLabel(kind, f);
    const raw = values[f.name];
    let value = null;
    if (f.type === 'date' || f.type === 'datetime') {
      const r = parseDateParts(raw, label, f.type === 'datetime');
      if (r.error) { errors.push({ field: f.name, message: r.error }); continue; }
      value = r.value;
    } else if (f.type === 'bool') {
      value = raw === 'true' ? true : raw === 'false' ? false : null;
    } else if (f.type === 'decimal' || f.type === 'int') {
      const s = String(raw ?? '').trim();
      if (s) {
        if (!/^-?\d+(\.\d+)?$/.test(s)) { errors.push({ field: f.name, message: `${label} must be a number, like 12.5` }); continue; }
        value = Number(s);
      }
    } else {
      const s = String(raw ?? '').trim();
      value = s || null;
      if (value && f.max && value.length > f.max) {
        errors.push({ field: f.name, message: `${label} must be ${f.max} characters or fewer` });
        continue;
      }
    }
    if (value === null) {
      if (f.required) errors.push({ field: f.name, message: requiredMessage(f, label) });
      continue;
    }
    payload[f.name] = value;
  }
  return { payload, errors };
}

function requiredMessage(f, label) {
  if (f.type === 'code' || f.type === 'ref' || f.type === 'bool') return `Select ${label.charAt(0).toLowerCase() + label.slice(1)}`;
  return `Enter ${label.charAt(0).toLowerCase() + label.slice(1)}`;
}

// The id of the element an error should link to (the first box of a date).
export const fieldId = (name) => `f-${name}`;

// Server values → form values, for changing an existing record.
export function fromRecord(def, fields) {
  const v = emptyValues(def);
  for (const f of userFields(def)) {
    const x = fields?.[f.name];
    if (x === undefined || x === null) continue;
    if (f.type === 'date' || f.type === 'datetime') {
      const m = String(x).match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/);
      if (m) v[f.name] = { year: m[1], month: String(Number(m[2])), day: String(Number(m[3])), time: m[4] || '' };
    } else if (f.type === 'bool') v[f.name] = x ? 'true' : 'false';
    else v[f.name] = String(x);
  }
  return v;
}

// One stored field for reading: its label as on the form, and its value in words (Yes/No,
// dates written out, codes by their label).
export function showField(kind, name, value) {
  const f = kinds[kind]?.fields.find((x) => x.name === name);
  const label = f ? fieldLabel(kind, f) : humanise(name);
  const v = value === null || value === undefined ? '' : String(value);
  let text = v;
  if (v === '') text = 'Not recorded';
  else if (v === 'true') text = 'Yes';
  else if (v === 'false') text = 'No';
  else if (/^\d{4}-\d{2}-\d{2}/.test(v)) text = formatDate(v);
  else if (f?.list) text = (codeLists[f.list] || []).find((c) => c.code === v)?.label || v;
  return { label, text };
}

// The fields of a stored record in the order of the kind's description, then any others.
export function orderedFields(kind, fields) {
  const order = (kinds[kind]?.fields || []).map((f) => f.name);
  const names = Object.keys(fields || {});
  const rank = (n) => (order.includes(n) ? order.indexOf(n) : order.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
