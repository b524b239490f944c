import { describe, expect, it } from 'vitest';
import { kinds } from 'virtual:kinds';
import { emptyValues, fieldLabel, fromRecord, parseDateParts, toPayload, userFields } from './recordForm.js';

describe('parseDateParts', () => {
  it('leaves an untouched date empty', () => {
    expect(parseDateParts({}, 'Date of visit')).toEqual({ value: null });
  });
  it('says which part is missing', () => {
    expect(parseDateParts({ day: '3', year: '2026' }, 'Date of visit').error).toBe('Date of visit must include a month');
    expect(parseDateParts({ day: '3' }, 'Date of visit').error).toBe('Date of visit must include a month and year');
  });
  it('refuses dates that do not exist, 29 February only in a leap year', () => {
    expect(parseDateParts({ day: '29', month: '2', year: '2028' }, 'D')).toEqual({ value: '2028-02-29' });
    expect(parseDateParts({ day: '29', month: '2', year: '2026' }, 'D').error).toBe('D must be a real date');
    expect(parseDateParts({ day: '31', month: '4', year: '2026' }, 'D').error).toBe('D must be a real date');
    expect(parseDateParts({ day: '1', month: '13', year: '2026' }, 'D').error).toBe('D must be a real date');
    expect(parseDateParts({ day: 'x', month: '1', year: '2026' }, 'D').error).toBe('D must be a real date, in numbers');
    expect(parseDateParts({ day: '1', month: '1', year: '26' }, 'D').error).toMatch(/4 numbers/);
  });
  it('adds a 24-hour time to a date-time', () => {
    expect(parseDateParts({ day: '1', month: '1', year: '2026', time: '9:05' }, 'D', true)).toEqual({ value: '2026-01-01T09:05' });
    expect(parseDateParts({ day: '1', month: '1', year: '2026', time: '24:00' }, 'D', true).error).toMatch(/24-hour/);
    expect(parseDateParts({ day: '1', month: '1', year: '2026' }, 'D', true).error).toMatch(/time/);
  });
});

describe('toPayload for a visit', () => {
  const def = kinds.visit;
  it('takes its fields from docs/record.md, leaving who recorded it to the server', () => {
    const names = userFields(def).map((f) => f.name);
    expect(names).toContain('visit_date');
    expect(names).toContain('seen_alone');
    expect(names).not.toContain('worker_id');
  });
  it('names each required field left empty in plain words', () => {
    const { errors } = toPayload('visit', def, emptyValues(def));
    expect(errors).toEqual([
      { field: 'visit_type', message: 'Select type of visit' },
      { field: 'visit_date', message: 'Enter date of visit' },
    ]);
  });
  it('sends typed values as the server expects them', () => {
    const v = { ...emptyValues(def), visit_type: 'CP', visit_date: { day: '5', month: '3', year: '2026' }, seen: 'true', seen_alone: 'false' };
    const { payload, errors } = toPayload('visit', def, v);
    expect(errors).toEqual([]);
    expect(payload).toEqual({ visit_type: 'CP', visit_date: '2026-03-05', seen: true, seen_alone: false });
  });
  it('round-trips a stored record back into the form', () => {
    const v = fromRecord(def, { visit_type: 'CLA', visit_date: '2026-03-05', seen: true });
    expect(v.visit_date).toEqual({ year: '2026', month: '3', day: '5', time: '' });
    expect(toPayload('visit', def, v).payload).toEqual({ visit_type: 'CLA', visit_date: '2026-03-05', seen: true });
  });
});

describe('other kinds', () => {
  it('checks text length and numbers', () => {
    const def = kinds.placement;
    const v = { ...emptyValues(def), postcode: 'TOO LONG POSTCODE', distance_miles: 'far' };
    const { errors } = toPayload('placement', def, v);
    expect(errors).toContainEqual({ field: 'postcode', message: 'Postcode of the placement must be 8 characters or fewer' });
    expect(errors).toContainEqual({ field: 'distance_miles', message: 'Home to placement, miles (999.9 when unknown) must be a number, like 12.5' });
  });
  it('gives plain labels in place of return element names', () => {
    const f = kinds.referral.fields.find((x) => x.name === 'referral_date');
    expect(fieldLabel('referral', f)).toBe('Date of referral');
  });
  it('writes a date-time with its time', () => {
    const def = kinds.case_note;
    const v = { ...emptyValues(def), noted_at: { day: '1', month: '2', year: '2026', time: '14:30' }, note_type: 'OVERSIGHT', text: 'Reviewed the plan.' };
    expect(toPayload('case_note', def, v)).toEqual({ payload: { noted_at: '2026-02-01T14:30', note_type: 'OVERSIGHT', text: 'Reviewed the plan.' }, errors: [] });
  });
});
