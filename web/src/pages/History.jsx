// The history of one record: every version with who changed it and when
// (GET /api/children/{id}/records/{kind}/{record_id}/history). Nothing is overwritten.
import { href, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { SummaryList, Tag } from '../components/govuk.jsx';
import { orderedFields, showField } from '../recordForm.js';
import { KIND_TITLES } from '../formKinds.js';
import { formatInstant, humanise } from '../format.js';
import { Loading, Problem } from './Problem.jsx';


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
          <p class="govuk-body">{versions.length === 1 ? 'This record has not been changed since it was made.' : `${versions.length} versions, newest first. Changed fields are marked.`}</p>
          {[...versions.keys()].reverse().map((i) => {
            const v = versions[i];
            const fields = v.fields || {};
            const before = i > 0 ? versions[i - 1].fields || {} : null;
            const changed = (n) => before && JSON.stringify(before[n] ?? null) !== JSON.stringify(fields[n] ?? null);
            return (
              <section key={i} class="journey-version">
                <h2 class="govuk-heading-m">
                  Version {v.version ?? i + 1}{v.deleted ? ' (deleted)' : ''}
                </h2>
                <p class="govuk-body-s">
                  By {v.by || 'unknown'} on {formatInstant(v.at)}{v.reason ? `. Reason given: ${v.reason}` : ''}
                </p>
                <SummaryList rows={orderedFields(kind, fields).map((n) => {
                  const { label, text } = showField(kind, n, fields[n]);
                  return [label, changed(n) ? <>{text} <Tag colour="blue">Changed</Tag></> : text];
                })} />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
