import { describe, expect, it } from 'vitest';
import { codeLists as lists, kinds } from 'virtual:kinds';
import { codeLists, parseCsv, parseRecordMd } from '../scripts/kinds-plugin.js';
import { FORM_KINDS } from './formKinds.js';

describe('the kinds the forms use', () => {
  it('exist in docs/record.md with their code lists', () => {
    for (const k of FORM_KINDS) expect(kinds[k], k).toBeDefined();
    expect(lists.visit_type.map((c) => c.code)).toContain('CLA');
    expect(lists.note_type.map((c) => c.code)).toContain('OVERSIGHT');
  });
});

describe('parseRecordMd', () => {
  it('reads fields, codes, references and text limits', () => {
    const md = [
      '## visit', 'A visit.', '', '| field | type | required | meaning |', '| --- | --- | --- | --- |',
      '| visit_type | code (visit_type) | yes | which duty |',
      '| cin_plan_id | ref → cin_plan |  | plan |',
      '| urn | text ≤8 |  | number |',
      '## other', 'Other.',
    ].join('\n');
    const k = parseRecordMd(md);
    expect(k.visit.doc).toBe('A visit.');
    expect(k.visit.fields).toEqual([
      { name: 'visit_type', type: 'code', list: 'visit_type', required: true, meaning: 'which duty' },
      { name: 'cin_plan_id', type: 'ref', ref: 'cin_plan', required: false, meaning: 'plan' },
      { name: 'urn', type: 'text', max: 8, required: false, meaning: 'number' },
    ]);
    expect(k.other.fields).toEqual([]);
  });
});

describe('parseCsv and codeLists', () => {
  it('handles quotes, commas and validity years', () => {
    expect(parseCsv('a,"b, c","d ""e"""\n')).toEqual([['a', 'b, c', 'd "e"']]);
    const l = codeLists('list,code,label,from_year,to_year\nx,A,"One, two",2020,\nx,B,Old,,2019\n');
    expect(l.x).toEqual([{ code: 'A', label: 'One, two', from: 2020, to: null }, { code: 'B', label: 'Old', from: null, to: 2019 }]);
  });
});
