// Children: search the children the user may see (GET /api/children?q=). Restricted records
// are marked; opening one asks for a reason.
import { useState } from 'preact/hooks';
import { href, navigate, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { Button, Table, Tag, TextInput } from '../components/govuk.jsx';
import { formatDate, legalStatus, plural } from '../format.js';
import { Problem } from './Problem.jsx';

const PAGE = 25;

export function Children({ params }) {
  usePageTitle('Children');
  const [q, setQ] = useState(params.q || '');
  const offset = Number(params.offset || 0);
  const list = useFetch(`/api/children${query({ q: params.q, limit: PAGE, offset })}`);
  if (list.error) return <Problem error={list.error} />;
  const items = list.data?.items || [];
  const total = list.data?.total || 0;
  return (
    <>
      <h1 class="govuk-heading-xl">Children</h1>
      <form class="journey-search" role="search" onSubmit={(e) => { e.preventDefault(); navigate('/children', { q }); }}>
        <TextInput id="q" label="Search by name or ID" value={q} onInput={setQ} width="20" />
        <Button secondary>Search</Button>
      </form>
      <Table
        caption={list.loading ? 'Loading…' : `${plural(total, 'child', 'children')}${params.q ? ` matching “${params.q}”` : ''}`}
        head={['Name', 'Date of birth', 'Legal status', 'Worker', 'Team']}
        empty="No children match. Check the spelling, or search by ID."
        rows={items.map((c) => [
          <>
            <a class="govuk-link" href={href(`/children/${c.id}`)}>{c.name}</a>
            {c.restricted && <> <Tag colour="purple">Restricted</Tag></>}
          </>,
          formatDate(c.date_of_birth), legalStatus(c.legal_status), c.worker_name || 'Not allocated', c.team_name || '',
        ])}
      />
      {total > PAGE && (
        <nav class="govuk-pagination" aria-label="Pages of children">
          {offset > 0 && (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={href('/children', { q: params.q, offset: Math.max(0, offset - PAGE) })} rel="prev">
                <span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span>
              </a>
            </div>
          )}
          {offset + PAGE < total && (
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href={href('/children', { q: params.q, offset: offset + PAGE })} rel="next">
                <span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span>
              </a>
            </div>
          )}
        </nav>
      )}
    </>
  );
}
