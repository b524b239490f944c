// The history of one record: every version with who changed it and when
// (GET /api/children/{id}/records/{kind}/{record_id}/history). Nothing is overwritten.
import { href, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { SummaryList } from '../components/govuk.jsx';
import { KIND_TITLES } from '../formKinds.js';
import { formatDate, formatInstant, humanise } from '../format.js';
import { Loading, Problem } from './Problem.jsx';

function show(v) {
  if (v === true) return 'Yes';
  if (v === false) return 'No';
  if (v === null || v === undefined || v === '') return 'Not recorded';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return formatDate(v);
  return String(v);
}

export function History({ args, params }) {
  const [childId, kind, recordId] = args;
  const title = `Changes to this ${(KIND_TITLES[kind] || humanise(kind)).toLowerCase()}`;
  usePageTitle(title);
  const h = useFetch(`/api/children/${encodeURIComponent(childId)}/records/${kind}/${encodeURIComponent(recordId)}/history${query({ reason: params.reason })}`);
  if (h.error) return <Problem error={h.error} />;
  const versions = h.data?.items || []; // oldest first
  return (
    <>
      <a class="govuk-back-link" href={href(`/children/${childId}`, { reason: params.reason })}>Back to the child</a>
      <h1 class="govuk-heading-l">{title}</h1>
      {h.loading ? <Loading /> : (
        <>
          <p class="govuk-body">{versions.length === 1 ? 'This record has not been changed since it was made.' : `${versions.length} versions, newest first.`}</p>
          {[...versions].reverse().map((v, i) => {
            const fields = v.fields || {};
            return (
              <section key={v.version ?? i} class="journey-version">
                <h2 class="govuk-heading-m">
                  Version {v.version ?? versions.length - i}{v.deleted ? ' (deleted)' : ''}
                </h2>
                <p class="govuk-body-s">
                  By {v.by || 'unknown'} on {formatInstant(v.at)}{v.reason ? `. Reason given: ${v.reason}` : ''}
                </p>
                <SummaryList rows={Object.entries(fields).map(([k, x]) => [humanise(k), show(x)])} />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
