// GOV.UK Frontend's components as Preact components: the same markup and classes as the
// design system's Nunjucks macros, so the pages look and behave as public-sector users expect
// (labels tied to inputs, hints and errors read out by screen readers, error summaries).
import { useEffect, useRef } from 'preact/hooks';

const cx = (...names) => names.filter(Boolean).join(' ');

// The list of problems at the top of a form. It takes focus when it appears (GOV.UK's
// pattern), and each entry links to the field at fault.
export function ErrorSummary({ errors, title = 'There is a problem' }) {
  const ref = useRef(null);
  useEffect(() => { if (errors.length && ref.current) ref.current.focus(); }, [errors]);
  if (!errors.length) return null;
  const jump = (e, id) => {
    const el = document.getElementById(id);
    if (!el) return;
    e.preventDefault();
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };
  return (
    <div class="govuk-error-summary" ref={ref} tabIndex={-1} data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">{title}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.href || e.text}>
                {e.href ? <a href={`#${e.href}`} onClick={(ev) => jump(ev, e.href)}>{e.text}</a> : e.text}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function Hint({ id, text }) {
  return text ? <div id={id} class="govuk-hint">{text}</div> : null;
}

function ErrorMessage({ id, text }) {
  return text ? (
    <p id={id} class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {text}</p>
  ) : null;
}

const describedBy = (id, hint, error) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export function TextInput({ id, label, hint, error, value, onInput, type = 'text', width, autocomplete, spellcheck, inputmode }) {
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <label class="govuk-label" for={id}>{label}</label>
      <Hint id={`${id}-hint`} text={hint} />
      <ErrorMessage id={`${id}-error`} text={error} />
      <input
        class={cx('govuk-input', width && `govuk-input--width-${width}`, error && 'govuk-input--error')}
        id={id} name={id} type={type} value={value ?? ''} autocomplete={autocomplete}
        spellcheck={spellcheck} inputmode={inputmode}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

export function Textarea({ id, label, hint, error, value, onInput, rows = 5 }) {
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <label class="govuk-label" for={id}>{label}</label>
      <Hint id={`${id}-hint`} text={hint} />
      <ErrorMessage id={`${id}-error`} text={error} />
      <textarea
        class={cx('govuk-textarea', error && 'govuk-textarea--error')} id={id} name={id} rows={rows}
        aria-describedby={describedBy(id, hint, error)} value={value ?? ''}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

export function Select({ id, label, hint, error, value, onInput, options, placeholder = 'Choose one' }) {
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <label class="govuk-label" for={id}>{label}</label>
      <Hint id={`${id}-hint`} text={hint} />
      <ErrorMessage id={`${id}-error`} text={error} />
      <select
        class={cx('govuk-select', error && 'govuk-select--error')} id={id} name={id} value={value ?? ''}
        aria-describedby={describedBy(id, hint, error)} onChange={(e) => onInput(e.currentTarget.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
      </select>
    </div>
  );
}

// Yes / No radios for a true-false field; an unanswered question stays unanswered ('').
export function YesNo({ id, legend, hint, error, value, onInput }) {
  const opts = [['true', 'Yes'], ['false', 'No']];
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={`${id}-hint`} text={hint} />
        <ErrorMessage id={`${id}-error`} text={error} />
        <div class="govuk-radios govuk-radios--small govuk-radios--inline">
          {opts.map(([v, text], i) => (
            <div class="govuk-radios__item" key={v}>
              <input
                class="govuk-radios__input" id={i === 0 ? id : `${id}-${v}`} name={id} type="radio" value={v}
                checked={value === v} onChange={() => onInput(v)}
              />
              <label class="govuk-label govuk-radios__label" for={i === 0 ? id : `${id}-${v}`}>{text}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

// GOV.UK's date input: day, month and year boxes. The value is {day, month, year} strings
// so that what the user typed is kept exactly, even when it is not yet a date.
export function DateInput({ id, legend, hint, error, value, onInput, withTime = false }) {
  const v = value || {};
  const set = (part) => (e) => onInput({ ...v, [part]: e.currentTarget.value });
  const box = (part, label, width) => (
    <div class="govuk-date-input__item" key={part}>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for={part === 'day' ? id : `${id}-${part}`}>{label}</label>
        <input
          class={cx('govuk-input govuk-date-input__input', `govuk-input--width-${width}`, error && 'govuk-input--error')}
          id={part === 'day' ? id : `${id}-${part}`} name={`${id}-${part}`} type="text" inputmode="numeric"
          value={v[part] ?? ''} onInput={set(part)}
        />
      </div>
    </div>
  );
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint || true, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={`${id}-hint`} text={hint || (withTime ? 'For example, 27 3 2026 and 14:30' : 'For example, 27 3 2026')} />
        <ErrorMessage id={`${id}-error`} text={error} />
        <div class="govuk-date-input" id={`${id}-group`}>
          {box('day', 'Day', 2)}
          {box('month', 'Month', 2)}
          {box('year', 'Year', 4)}
          {withTime && box('time', 'Time', 4)}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({ children, secondary, warning, onClick, type = 'submit', disabled }) {
  return (
    <button
      type={type} disabled={disabled} onClick={onClick} data-module="govuk-button"
      class={cx('govuk-button', secondary && 'govuk-button--secondary', warning && 'govuk-button--warning')}
    >
      {children}
    </button>
  );
}

export function SummaryList({ rows }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div class="govuk-summary-list__row" key={key}>
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value ?? 'Not recorded'}</dd>
        </div>
      ))}
    </dl>
  );
}

// A table with a caption; `head` is a list of column titles, `rows` a list of cell lists.
// Columns listed in `numeric` are right-aligned as GOV.UK does for figures.
export function Table({ caption, head, rows, numeric = [], widths = [], captionClass = 'govuk-table__caption--m', empty = 'Nothing to show.' }) {
  return (
    <table class="govuk-table">
      {caption && <caption class={cx('govuk-table__caption', captionClass)}>{caption}</caption>}
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {head.map((h, i) => (
            <th scope="col" key={i} class={cx('govuk-table__header', numeric.includes(i) && 'govuk-table__header--numeric', widths[i] && `govuk-!-width-${widths[i]}`)}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.length === 0 && (
          <tr class="govuk-table__row"><td class="govuk-table__cell" colSpan={head.length}>{empty}</td></tr>
        )}
        {rows.map((r, ri) => (
          <tr class="govuk-table__row" key={ri}>
            {r.map((c, i) => (
              <td key={i} class={cx('govuk-table__cell', numeric.includes(i) && 'govuk-table__cell--numeric')}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const TAG_COLOURS = { red: 'govuk-tag--red', amber: 'govuk-tag--yellow', green: 'govuk-tag--green', grey: 'govuk-tag--grey', blue: 'govuk-tag--blue', purple: 'govuk-tag--purple' };
export function Tag({ colour, children }) {
  return <strong class={cx('govuk-tag', TAG_COLOURS[colour])}>{children}</strong>;
}

export function NotificationBanner({ title = 'Important', success, children, role }) {
  return (
    <div
      class={cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role={role || (success ? 'alert' : 'region')} aria-labelledby="banner-title"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="banner-title">{title}</h2>
      </div>
      <div class="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

export function InsetText({ children }) {
  return <div class="govuk-inset-text">{children}</div>;
}

export function WarningText({ children }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{children}</strong>
    </div>
  );
}
