// A child: the summary at a glance (GET /api/children/{id}), the chronology
// (GET /api/children/{id}/chronology) and links to record the common events. A restricted
// record asks for the reason first; the server records it in the audit log.
import { useState } from 'preact/hooks';
import { codeLists } from 'virtual:kinds';
import { showField } from '../recordForm.js';
import { href, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { Button, ErrorSummary, NotificationBanner, SummaryList, Table, Tag, Textarea, WarningText } from '../components/govuk.jsx';
import { formatDate, humanise, legalStatus, plural } from '../format.js';
import { FORM_GROUPS, KIND_TITLES } from '../formKinds.js';
import { canRecord } from '../roles.js';
import { Loading, Problem } from './Problem.jsx';

const label = (list, code) => (codeLists[list] || []).find((c) => c.code === code)?.label || code;
const since = (text, date) => (date ? `${text}, since ${formatDate(date)}` : text);

// The summary's parts in words (GET /api/children/{id}: plan {kind, id, start_date},
// placement {placement_type, provider, start_date}).
export function planText(plan) {
  return plan ? since(KIND_TITLES[plan.kind] || humanise(plan.kind), plan.start_date) : null;
}
export function placementText(p) {
  if (!p) return null;
  const what = [label('placement_type', p.placement_type), p.provider && label('placement_provider', p.provider)].filter(Boolean).join(' – ');
  return since(what || 'Placement', p.start_date);
}

const CHRONOLOGY_PAGE = 50;

// The chronology's details come as "field: value; field: value" (the record's own field
// names and codes); they are shown with the form's labels, code lists' labels, Yes/No and
// dates in words.
export function detailsText(kind, details) {
  if (!details) return '';
  return String(details).split('; ').map((part) => {
    const at = part.indexOf(': ');
    if (at < 0) return part;
    const { label: key, text } = showField(kind, part.slice(0, at), part.slice(at + 2));
    return `${key}: ${text}`;
  }).join('; ');
}

export function Child({ args, params, session }) {
  const [id] = args;
  const [showAll, setShowAll] = useState(false);
  const reason = params.reason;
  const summary = useFetch(`/api/children/${encodeURIComponent(id)}${query({ reason })}`);
  const chronology = useFetch(summary.data ? `/api/children/${encodeURIComponent(id)}/chronology${query({ reason })}` : null);
  const c = summary.data;
  usePageTitle(c ? c.name : summary.error?.reasonRequired && !reason ? 'Restricted record' : summary.error ? null : 'A child');
  if (summary.error?.reasonRequired && !reason) return <ReasonForm id={id} />;
  if (summary.error?.reasonRequired) {
    return <Problem title="You cannot open this restricted record" error={{ status: 403, message: 'Opening it needs a grant for you, and you have none. If you need it for your work, ask an administrator for a grant.' }} />;
  }
  if (summary.error) return <Problem error={summary.error} />;
  if (!c) return <Loading />;

  const alerts = (c.alerts || []).filter(Boolean);
  const overdue = c.overdue || 0;
  return (
    <>
      {params.recorded && (
        <NotificationBanner success title="Success">
          <p class="govuk-notification-banner__heading">{KIND_TITLES[params.recorded] || humanise(params.recorded)} saved.</p>
        </NotificationBanner>
      )}
      <span class="govuk-caption-l">ID {c.la_child_id || c.id}{c.date_of_birth ? ` · born ${formatDate(c.date_of_birth)}` : ''}</span>
      <h1 class="govuk-heading-xl">{c.name} {c.restricted && <Tag colour="purple">Restricted</Tag>}</h1>
      {alerts.length > 0 && (
        <div class="journey-alerts" aria-label="Alerts">
          {alerts.map((a) => <WarningText key={a}>{a}</WarningText>)}
        </div>
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">At a glance</h2>
          <SummaryList rows={[
            ['Legal status', legalStatus(c.legal_status)],
            ['Plan', planText(c.plan)],
            ['Placement', placementText(c.placement) || 'None'],
            ['Allocated worker', c.worker?.name || 'Not allocated'],
            ['Team', c.team?.name],
            ['Overdue', overdue ? <Tag colour="red">{plural(overdue, 'item', 'items')} overdue</Tag> : 'Nothing overdue'],
            ['Due soon', c.due_soon ? plural(c.due_soon, 'item', 'items') : 'Nothing due soon'],
          ]} />
        </div>
        {canRecord(session) && (
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">Record</h2>
            {FORM_GROUPS.map((g) => (
              <div key={g.title}>
                <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{g.title}</h3>
                <ul class="govuk-list">
                  {g.kinds.map((k) => (
                    <li key={k}><a class="govuk-link" href={href(`/children/${c.id}/new/${k}`, { reason })}>{KIND_TITLES[k]}</a></li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </div>
      <h2 class="govuk-heading-l" id="chronology">Chronology</h2>
      {chronology.error ? <Problem error={chronology.error} /> : (<>
        <Table
          caption="Everything recorded on this child's journey, newest first"
          captionClass="govuk-table__caption--s"
          head={['Date', 'What happened', 'Details', '']}
          widths={['one-quarter', 'one-quarter']}
          empty={chronology.loading ? 'Loading…' : 'Nothing recorded yet.'}
          rows={(chronology.data?.items || []).slice(0, showAll ? undefined : CHRONOLOGY_PAGE).map((e) => [
            <span class="journey-nowrap">{formatDate(e.date)}</span>,
            KIND_TITLES[e.kind] || e.title || humanise(e.kind),
            detailsText(e.kind, e.details),
            <a class="govuk-link" href={href(`/children/${c.id}/records/${e.kind}/${e.id}`, { reason })}>
              Changes<span class="govuk-visually-hidden"> to {e.title || humanise(e.kind)} of {formatDate(e.date)}</span>
            </a>,
          ])}
        />
        {!showAll && (chronology.data?.items.length || 0) > CHRONOLOGY_PAGE && (
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => setShowAll(true)}>
            Show all {chronology.data.items.length} entries
          </button>
        )}
      </>)}
    </>
  );
}

function ReasonForm({ id }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const submit = (e) => {
    e.preventDefault();
    if (reason.trim().length < 5) { setError('Enter why you need to open this record, in a few words'); return; }
    location.hash = href(`/children/${id}`, { reason: reason.trim() }).slice(1);
  };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={error ? [{ text: error, href: 'reason' }] : []} />
        <h1 class="govuk-heading-l">This record is restricted</h1>
        <p class="govuk-body">Only people with a grant may open it, and every time it is opened the reason is kept in the audit log.</p>
        <form onSubmit={submit} noValidate>
          <Textarea id="reason" label="Why do you need to open this record?" hint="For example, preparing for the adoption panel on 3 March" value={reason} onInput={setReason} error={error} rows={3} />
          <Button>Open the record</Button>
        </form>
      </div>
    </div>
  );
}
