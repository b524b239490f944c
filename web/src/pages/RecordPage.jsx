// Record an event on a child's journey (POST /api/children/{id}/records). The fields come
// from the record kind's one description (docs/record.md); what the user types is saved as
// a draft as they type; errors, the page's own and the server's, are shown in an error
// summary and beside each field, in plain words.
import { useState } from 'preact/hooks';
import { kinds, codeLists } from 'virtual:kinds';
import { post, query } from '../api.js';
import { href, navigate, usePageTitle } from '../router.js';
import { useFetch } from '../useFetch.js';
import { useDraft } from '../drafts.js';
import { Button, DateInput, ErrorSummary, Select, Textarea, TextInput, YesNo } from '../components/govuk.jsx';
import { KIND_TITLES } from '../formKinds.js';
import { emptyValues, fieldId, fieldLabel, toPayload, userFields } from '../recordForm.js';
import { formatDate, humanise } from '../format.js';
import { NotFound } from './Problem.jsx';

const DRAFT_STATUS = {
  restored: 'We restored what you typed before.',
  saving: 'Saving draft…',
  saved: 'Draft saved.',
  unsaved: 'Draft kept on this device: it will be saved when Journey can reach the server.',
};

export function currentCodes(list, year = new Date().getFullYear()) {
  return (codeLists[list] || []).filter((c) => (c.from === null || c.from <= year + 1) && (c.to === null || c.to >= year));
}

export function RecordPage({ args, params }) {
  const [childId, kind] = args;
  const def = kinds[kind];
  if (!def) return <NotFound />;
  return <RecordForm childId={childId} kind={kind} def={def} reason={params.reason} />;
}

function RecordForm({ childId, kind, def, reason }) {
  const title = KIND_TITLES[kind] || humanise(kind);
  usePageTitle(`Record: ${title}`);
  const child = useFetch(`/api/children/${encodeURIComponent(childId)}${query({ reason })}`);
  const needsRefs = userFields(def).some((f) => f.type === 'ref');
  const chronology = useFetch(needsRefs ? `/api/children/${encodeURIComponent(childId)}/chronology${query({ reason })}` : null);
  const [values, setValues, draftStatus, clearDraft] = useDraft(`record:${childId}:${kind}`, emptyValues(def));
  const [errors, setErrors] = useState([]);
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const set = (name) => (v) => setValues((old) => ({ ...old, [name]: v }));
  const errorFor = (name) => errors.find((e) => e.field === name)?.message;

  const submit = async (e) => {
    e.preventDefault();
    const { payload, errors: found } = toPayload(kind, def, values);
    setErrors(found);
    setFormError('');
    if (found.length) return;
    setBusy(true);
    try {
      await post(`/api/children/${encodeURIComponent(childId)}/records${query({ reason })}`, { kind, fields: payload });
      await clearDraft();
      navigate(`/children/${childId}`, { recorded: kind, reason });
    } catch (err) {
      if (err.fields?.length) setErrors(err.fields.map((f) => ({ field: f.field, message: f.message })));
      else setFormError(err.message);
    } finally {
      setBusy(false);
    }
  };

  const summary = [
    formError && { text: formError },
    ...errors.map((e) => ({ text: e.message, href: fieldId(e.field) })),
  ].filter(Boolean);

  const refOptions = (f) => (chronology.data?.items || [])
    .filter((i) => i.kind === f.ref)
    .map((i) => ({ value: String(i.id), text: `${i.title || humanise(i.kind)}, ${formatDate(i.date)}` }));

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={href(`/children/${childId}`, { reason })}>Back to {child.data?.name || 'the child'}</a>
        <ErrorSummary errors={summary} />
        <span class="govuk-caption-l">{child.data?.name}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body journey-draft-status" aria-live="polite" data-testid="draft-status">{DRAFT_STATUS[draftStatus] || ''}</p>
        <form onSubmit={submit} noValidate>
          {userFields(def).map((f) => {
            const id = fieldId(f.name);
            const label = fieldLabel(kind, f) + (f.required ? '' : ' (optional)');
            const common = { id, error: errorFor(f.name), value: values[f.name], onInput: set(f.name) };
            switch (f.type) {
              case 'date': return <DateInput key={f.name} legend={label} {...common} />;
              case 'datetime': return <DateInput key={f.name} legend={label} withTime {...common} />;
              case 'bool': return <YesNo key={f.name} legend={label} {...common} />;
              case 'code': return (
                <Select key={f.name} label={label} {...common}
                  options={currentCodes(f.list).map((c) => ({ value: c.code, text: c.label }))} />
              );
              case 'ref': return (
                <Select key={f.name} label={label} {...common} options={refOptions(f)}
                  placeholder={refOptions(f).length ? 'Choose one' : `None recorded for this child`} />
              );
              default:
                return f.max && f.max > 200
                  ? <Textarea key={f.name} label={label} rows={8} {...common} />
                  : <TextInput key={f.name} label={label} width={f.max && f.max <= 10 ? '10' : undefined}
                      inputmode={f.type === 'decimal' || f.type === 'int' ? 'decimal' : undefined} {...common} />;
            }
          })}
          <div class="govuk-button-group">
            <Button disabled={busy}>Save {title.toLowerCase()}</Button>
            <a class="govuk-link" href={href(`/children/${childId}`, { reason })}>Cancel</a>
          </div>
        </form>
      </div>
    </div>
  );
}
