// Inspections and the improvement plan (issue 6, items 1-2): the history of judgements over
// time on one axis (each framework's grades ranked 4 best .. 1 worst, from
// data/inspection_frameworks.csv), each inspection's judgements and recommendations
// (GET /api/governance/inspections), and the improvement plan with each action's owner, due
// date, status, evidence and its indicator's live value against target
// (GET /api/governance/plan).
import { href, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { Table, Tag } from '../components/govuk.jsx';
import { JudgementChart } from '../components/JudgementChart.jsx';
import { formatDate, plural } from '../format.js';
import { Loading, Problem } from './Problem.jsx';

const RANK_COLOUR = { 4: 'green', 3: 'blue', 2: 'amber', 1: 'red' };

export function measureText(a) {
  if (!a.indicator) return 'No measure';
  if (a.value === null || a.value === undefined) return a.measure || 'No value';
  const v = Number.isInteger(a.value) ? a.value : a.value.toFixed(1);
  const target = a.target === null || a.target === undefined ? '' : ` (target ${a.target_direction === 'LOWER' ? 'at most' : 'at least'} ${a.target})`;
  return `${v}${target}`;
}

export function ActionTable({ actions, caption, empty }) {
  return (
    <Table
      caption={caption}
      empty={empty}
      head={['Action', 'Owner', 'Due', 'Status', 'Evidence', 'Measure']}
      rows={actions.map((a) => [
        a.title,
        a.owner || 'No owner',
        a.due_date ? formatDate(a.due_date) : 'No date',
        <>
          {a.status_label || a.status}
          {a.overdue && <> <Tag colour="red">{`Overdue ${plural(a.days_overdue, 'day', 'days')}`}</Tag></>}
        </>,
        a.evidence || 'None recorded',
        <>
          {a.indicator_title && <span class="govuk-body-s">{a.indicator_title}: </span>}
          {measureText(a)}
          {a.off_target && <> <Tag colour="red">Off target</Tag></>}
          {a.indicator && a.value !== null && a.value !== undefined && a.target !== null && !a.off_target && <> <Tag colour="green">On target</Tag></>}
        </>,
      ])}
    />
  );
}

export function Inspections({ params }) {
  usePageTitle('Inspections and improvement plan');
  const history = useFetch('/api/governance/inspections');
  const plan = useFetch(`/api/governance/plan${query({ as_at: params.as_at })}`);
  if (history.error) return <Problem error={history.error} />;
  if (!history.data) return <Loading />;
  const items = history.data.items || [];
  const actions = plan.data?.actions || [];
  const byRec = {};
  for (const a of actions) if (a.recommendation_id) (byRec[a.recommendation_id] ||= []).push(a);
  return (
    <>
      <h1 class="govuk-heading-xl">Inspections and improvement plan</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={href('/governance/leaders')}>What needs senior leaders' attention</a>
      </p>
      <h2 class="govuk-heading-l">Judgements over time</h2>
      {items.length === 0 ? <p class="govuk-body">No inspections are recorded.</p> : (
        <>
          <p class="govuk-body">Each framework's grades on one scale: 4 outstanding (or its equal) to 1 inadequate. The overall judgement is joined by a line.</p>
          <JudgementChart inspections={items} />
          <Table
            caption="Overall judgement of each inspection"
            captionClass="govuk-table__caption--s"
            head={['Date', 'Council', 'Framework', 'Overall']}
            rows={items.map((i) => {
              const overall = i.judgements.find((j) => j.area === 'OVERALL');
              return [formatDate(i.start_date), i.council, i.framework_label,
                overall ? <Tag colour={RANK_COLOUR[overall.rank] || 'grey'}>{overall.grade_label}</Tag> : 'No graded judgement'];
            })}
          />
        </>
      )}
      {items.slice().reverse().map((i) => (
        <section class="journey-inspection" key={i.id} aria-labelledby={`inspection-${i.id}`}>
          <span class="govuk-caption-m">{formatDate(i.start_date)}{i.end_date ? ` to ${formatDate(i.end_date)}` : ''} · {i.framework_label}</span>
          <h2 class="govuk-heading-m" id={`inspection-${i.id}`}>{i.council}: {i.title}</h2>
          {i.summary && <p class="govuk-body">{i.summary}</p>}
          {i.judgements.length > 0 && (
            <Table caption="Judgements" captionClass="govuk-table__caption--s" head={['Area', 'Grade']}
              rows={i.judgements.map((j) => [j.area_label, <Tag colour={RANK_COLOUR[j.rank] || 'grey'}>{j.grade_label}</Tag>])} />
          )}
          {i.recommendations.length > 0 && (
            <details class="govuk-details">
              <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{plural(i.recommendations.length, 'recommendation', 'recommendations or areas for development')}</span></summary>
              <div class="govuk-details__text">
                <ol class="govuk-list govuk-list--number">
                  {i.recommendations.map((r) => (
                    <li key={r.id}>
                      {r.text} <span class="govuk-body-s">({r.reference})</span>
                      {' '}{r.actions ? <Tag colour={r.actions_done === r.actions ? 'green' : 'blue'}>{`${r.actions_done} of ${r.actions} actions done`}</Tag> : <Tag colour="grey">No actions</Tag>}
                      {(byRec[r.id] || []).length > 0 && <ActionTable caption={null} actions={byRec[r.id]} />}
                    </li>
                  ))}
                </ol>
              </div>
            </details>
          )}
        </section>
      ))}
      <h2 class="govuk-heading-l">Improvement plan</h2>
      {plan.error && <Problem error={plan.error} />}
      {plan.data && (
        <>
          <p class="govuk-body">As at {formatDate(plan.data.as_at)}: {plural(actions.length, 'action', 'actions')}, {plan.data.overdue} overdue, {plural(plan.data.off_target, 'measure', 'measures')} off target.</p>
          <ActionTable caption="Every action, overdue first" actions={actions} empty="The plan has no actions yet." />
        </>
      )}
    </>
  );
}
