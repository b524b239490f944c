// The senior leaders' page (issue 6, item 2): what of the improvement plan needs their
// attention now: actions past their due date and not done, and measures off target
// (GET /api/governance/plan). The full plan is on the inspections page.
import { href, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { formatDate } from '../format.js';
import { ActionTable } from './Inspections.jsx';
import { Loading, Problem } from './Problem.jsx';

export function Leaders({ params }) {
  usePageTitle('Improvement plan: needs attention');
  const plan = useFetch(`/api/governance/plan${query({ as_at: params.as_at })}`);
  if (plan.error) return <Problem error={plan.error} />;
  if (!plan.data) return <Loading />;
  const actions = plan.data.actions || [];
  const overdue = actions.filter((a) => a.overdue);
  const off = actions.filter((a) => a.off_target);
  return (
    <>
      <span class="govuk-caption-l">As at {formatDate(plan.data.as_at)}</span>
      <h1 class="govuk-heading-xl">Improvement plan: needs attention</h1>
      <div class="journey-cards">
        <div class={`journey-card ${overdue.length ? 'journey-card--red' : 'journey-card--green'}`} data-testid="overdue-actions">
          <span class="journey-card__figure">{overdue.length}</span><span class="journey-card__label">actions overdue</span>
        </div>
        <div class={`journey-card ${off.length ? 'journey-card--red' : 'journey-card--green'}`} data-testid="off-target">
          <span class="journey-card__figure">{off.length}</span><span class="journey-card__label">measures off target</span>
        </div>
        <div class="journey-card"><span class="journey-card__figure">{actions.length}</span><span class="journey-card__label">actions in the plan</span></div>
      </div>
      <ActionTable caption="Overdue actions, most overdue first" actions={overdue.sort((a, b) => b.days_overdue - a.days_overdue)} empty="No action is overdue." />
      <ActionTable caption="Measures off target" actions={off} empty="No measure is off target." />
      <p class="govuk-body"><a class="govuk-link" href={href('/governance')}>The inspections and the whole plan</a></p>
    </>
  );
}
