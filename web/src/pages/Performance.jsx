// Performance: the scorecard of indicators (GET /api/indicators, GET /api/report) with the
// trend, the position against England and statistical neighbours, a chart each, and the
// drill-down council → team → worker → children (GET /api/report/drill); download as CSV.
import { href, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { Table, Tag } from '../components/govuk.jsx';
import { TrendChart } from '../components/Chart.jsx';
import { formatDate } from '../format.js';
import { Loading, Problem } from './Problem.jsx';

const LEVELS = [
  { breakdown: 'team', title: 'By team' },
  { breakdown: 'worker', title: 'By worker' },
];

const isPercent = (ind) => ind.unit === 'percent' || ind.unit === '%' || ind.kind === 'proportion';

export function showValue(ind, v) {
  if (v === null || v === undefined) return 'No data';
  if (isPercent(ind)) return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(1);
}

// Red when worse than England by the indicator's polarity, green when better.
export function rag(ind, value, england) {
  if (value === null || value === undefined || england === null || england === undefined) return 'grey';
  const better = ind.polarity === 'lower' ? value <= england : value >= england;
  return better ? 'green' : 'red';
}

// A report as rows of CSV: indicator, period, group, numerator, denominator, value.
export function reportCsv(report) {
  const esc = (s) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  const lines = [['indicator', 'title', 'period_start', 'period_end', 'group', 'numerator', 'denominator', 'value'].join(',')];
  for (const c of report.cells || []) {
    const ind = report.indicators[c.indicator];
    const p = report.periods[c.period];
    lines.push([ind.id, ind.title, p.start, p.end, c.label || 'Council', c.numerator, c.denominator, c.value ?? ''].map(esc).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function Performance({ params }) {
  usePageTitle('Performance');
  const { indicator, team, worker } = params;
  const report = useFetch(`/api/report${query({ as_at: params.as_at, trend: 'monthly' })}`);
  if (report.error && report.error.status === 404) {
    return (
      <>
        <h1 class="govuk-heading-xl">Performance</h1>
        <p class="govuk-body">The indicators are not available on this server yet.</p>
      </>
    );
  }
  if (report.error) return <Problem error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  if (indicator) return <DrillDown report={r} id={indicator} team={team} worker={worker} params={params} />;
  const last = r.periods.length - 1;
  const csv = URL.createObjectURL(new Blob([reportCsv(r)], { type: 'text/csv' }));
  return (
    <>
      <span class="govuk-caption-l">As at {formatDate(r.as_at)}</span>
      <h1 class="govuk-heading-xl">Performance</h1>
      <p class="govuk-body"><a class="govuk-link" href={csv} download={`journey-scorecard-${r.as_at}.csv`}>Download the scorecard as CSV</a></p>
      <div class="journey-scorecard">
        {r.indicators.map((ind, i) => {
          const cells = r.cells.filter((c) => c.indicator === i && c.dimension === -1);
          const now = cells.find((c) => c.period === last)?.value ?? null;
          const points = cells.map((c) => ({ period: r.periods[c.period].label || r.periods[c.period].end, value: c.value }));
          const colour = rag(ind, now, ind.england);
          return (
            <section class="journey-indicator" key={ind.id} aria-labelledby={`ind-${ind.id}`}>
              <h2 class="govuk-heading-s" id={`ind-${ind.id}`}>{ind.title}</h2>
              <p class="govuk-body journey-indicator__figure">
                {showValue(ind, now)} <Tag colour={colour}>{colour === 'red' ? 'Worse than England' : colour === 'green' ? 'Better than England' : 'No comparison'}</Tag>
              </p>
              <p class="govuk-body-s">England {showValue(ind, ind.england)} · Statistical neighbours {showValue(ind, ind.neighbours)}</p>
              <TrendChart points={points} percent={isPercent(ind)} label={null}
                benchmarks={[ind.england != null && { value: ind.england, colour: '#505a5f' }].filter(Boolean)} />
              <a class="govuk-link" href={href('/performance', { indicator: ind.id })}>See by team and worker<span class="govuk-visually-hidden">: {ind.title}</span></a>
            </section>
          );
        })}
      </div>
    </>
  );
}

function DrillDown({ report, id, team, worker }) {
  const i = report.indicators.findIndex((x) => x.id === id);
  const ind = report.indicators[i];
  const level = worker ? null : team ? LEVELS[1] : LEVELS[0];
  const sub = useFetch(level ? `/api/report${query({ indicators: id, breakdown: level.breakdown, team_id: team, as_at: report.as_at })}` : null);
  const children = useFetch(worker ? `/api/report/drill${query({ indicator: id, worker_id: worker, as_at: report.as_at })}` : null);
  if (!ind) return <Problem error={{ status: 404, message: 'There is no such indicator.' }} />;
  const crumbs = [['Performance', href('/performance')], [ind.title, href('/performance', { indicator: id })]];
  if (team) crumbs.push(['Team', href('/performance', { indicator: id, team })]);
  return (
    <>
      <nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
        <ol class="govuk-breadcrumbs__list">
          {crumbs.map(([t, h]) => <li class="govuk-breadcrumbs__list-item" key={h}><a class="govuk-breadcrumbs__link" href={h}>{t}</a></li>)}
        </ol>
      </nav>
      <h1 class="govuk-heading-l">{ind.title}</h1>
      {level && (sub.error ? <Problem error={sub.error} /> : !sub.data ? <Loading /> : (
        <Table caption={level.title} head={['Group', 'Cases', 'Figure']} numeric={[1, 2]}
          rows={sub.data.cells.filter((c) => c.dimension >= 0 && c.period === sub.data.periods.length - 1).map((c) => [
            <a class="govuk-link" href={href('/performance', { indicator: id, team: team || c.key, worker: team ? c.key : undefined })}>{c.label}</a>,
            c.cases, <Tag colour={rag(ind, c.value, ind.england)}>{showValue(ind, c.value)}</Tag>,
          ])} />
      ))}
      {worker && (children.error ? <Problem error={children.error} /> : !children.data ? <Loading /> : (
        <Table caption="The children behind the figure" head={['Child', 'Date of birth']}
          rows={(children.data.items || []).map((c) => [
            <a class="govuk-link" href={href(`/children/${c.id || c.child_id}`)}>{c.name || c.child_name}</a>, formatDate(c.date_of_birth),
          ])} />
      ))}
    </>
  );
}
