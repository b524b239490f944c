import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';

afterEach(cleanup);
import { DateInput, ErrorSummary, TextInput, YesNo } from './govuk.jsx';

describe('GOV.UK components', () => {
  it('ties a label, hint and error to the input', () => {
    render(<TextInput id="name" label="Name" hint="As on the birth certificate" error="Enter a name" value="" onInput={() => {}} />);
    const input = screen.getByLabelText('Name');
    expect(input.getAttribute('aria-describedby')).toBe('name-hint name-error');
    expect(document.getElementById('name-error').textContent).toContain('Enter a name');
    expect(input.className).toContain('govuk-input--error');
  });
  it('reports what is typed', () => {
    let got = '';
    render(<TextInput id="q" label="Search" value="" onInput={(v) => { got = v; }} />);
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'Ada' } });
    expect(got).toBe('Ada');
  });
  it('moves focus to the error summary, whose links go to the fields', () => {
    render(<><ErrorSummary errors={[{ text: 'Enter a date', href: 'f-date' }]} /><input id="f-date" /></>);
    const summary = document.querySelector('.govuk-error-summary');
    expect(document.activeElement).toBe(summary);
    fireEvent.click(screen.getByText('Enter a date'));
    expect(document.activeElement.id).toBe('f-date');
  });
  it('shows no summary when there is nothing wrong', () => {
    render(<ErrorSummary errors={[]} />);
    expect(document.querySelector('.govuk-error-summary')).toBeNull();
  });
  it('keeps a date as typed, part by part', () => {
    let v = {};
    render(<DateInput id="d" legend="Date of visit" value={{ day: '3' }} onInput={(x) => { v = x; }} />);
    fireEvent.input(screen.getByLabelText('Month'), { target: { value: '13' } });
    expect(v).toEqual({ day: '3', month: '13' });
    expect(screen.getByLabelText('Day').id).toBe('d');
  });
  it('answers yes or no, or leaves it unanswered', () => {
    let v = '';
    render(<YesNo id="seen" legend="Child seen" value="" onInput={(x) => { v = x; }} />);
    expect(screen.getByLabelText('Yes').checked).toBe(false);
    fireEvent.click(screen.getByLabelText('No'));
    expect(v).toBe('false');
  });
});
