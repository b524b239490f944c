// My work: what is due and overdue for me, most urgent first (GET /api/me/work), and the
// children allocated to me (GET /api/children).
import { useEffect } from 'preact/hooks';
import { href, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { Table, Tag } from '../components/govuk.jsx';
import { capitalise, formatDate, legalStatus, overdueText, plural, urgencyColour } from '../format.js';
import { Loading, Problem } from './Problem.jsx';

export function MyWork({ session, params }) {
  usePageTitle('My work');
  const days = params.days || 14;
  const work = useFetch(`/api/me/work${query({ as_at: params.as_at, days })}`);
  const children = useFetch('/api/children?limit=200');
  // Marks the moment the due list is on screen (read by the browser test's cold-start timing).
  useEffect(() => {
    if (work.data && !performance.getEntriesByName('journey:my-work-usable').length) performance.mark('journey:my-work-usable');
  }, [work.data]);
  if (work.error) return <Problem error={work.error} />;
  const items = work.data?.items || [];
  const overdue = items.filter((i) => i.days_overdue > 0);
  const mine = (children.data?.items || []).filter((c) => c.worker_name === session.user.name);

  return (
    <>
      <span class="govuk-caption-l">{session.user.name}{session.user.team_name ? `, ${session.user.team_name}` : ''}</span>
      <h1 class="govuk-heading-xl">My work</h1>
      {work.loading && !work.data ? <Loading /> : (
        <>
          <div class="journey-cards">
            <div class={`journey-card ${overdue.length ? 'journey-card--red' : 'journey-card--green'}`} data-testid="overdue-count">
              <span class="journey-card__figure">{overdue.length}</span>
              <span class="journey-card__label">overdue</span>
            </div>
            <div class="journey-card">
              <span class="journey-card__figure">{items.length - overdue.length}</span>
              <span class="journey-card__label">due in the next {days} days</span>
            </div>
            <div class="journey-card">
              <span class="journey-card__figure">{mine.length}</span>
              <span class="journey-card__label">{mine.length === 1 ? 'child' : 'children'} allocated to you</span>
            </div>
          </div>
          <p class="govuk-body-s">As at {formatDate(work.data?.as_at)}. Most urgent first.</p>
          <Table
            caption="Due and overdue"
            head={['Child', 'What is due', 'Due by', 'Urgency']}
            empty="Nothing is due or overdue. Well done."
            rows={items.map((i) => [
              i.child_id ? <a class="govuk-link" href={href(`/children/${i.child_id}`)}>{i.child_name}</a> : 'About you',
              capitalise(i.rule_title),
              formatDate(i.due),
              <Tag colour={urgencyColour(i.days_overdue)}>{overdueText(i.days_overdue)}</Tag>,
            ])}
          />
        </>
      )}
      <Table
        caption="Children allocated to you"
        head={['Name', 'Date of birth', 'Legal status']}
        empty={children.loading ? 'Loading…' : 'No children are allocated to you.'}
        rows={mine.map((c) => [
          <a class="govuk-link" href={href(`/children/${c.id}`)}>{c.name}</a>,
          formatDate(c.date_of_birth), legalStatus(c.legal_status),
        ])}
      />
      {children.data && children.data.total > 0 && (
        <p class="govuk-body"><a class="govuk-link" href={href('/children')}>Find any child you can see ({plural(children.data.total, 'child', 'children')})</a></p>
      )}
    </>
  );
}
