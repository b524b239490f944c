// Performance: the scorecard of indicators (GET /api/report) with the trend, the position
// against England and statistical neighbours, a chart each, any period and as-at date, and
// the drill-down council → team → worker → the children behind the figure
// (GET /api/report?breakdown=, GET /api/report/drill); download as CSV and xlsx (the server
// writes both, so the file holds exactly the figures it computed).
import { useState } from 'preact/hooks';
import { href, navigate, usePageTitle } from '../router.js';
import { query } from '../api.js';
import { useFetch } from '../useFetch.js';
import { Button, Select, Table, Tag, TextInput } from '../components/govuk.jsx';
import { TrendChart } from '../components/Chart.jsx';
import { formatDate, humanise } from '../format.js';
import { Loading, Problem } from './Problem.jsx';

const TRENDS = [
  { value: 'monthly', text: 'Monthly (the last 12 months)' },
  { value: 'weekly', text: 'Weekly (the last 13 weeks)' },
  { value: 'yearly', text: 'Yearly (the last 6 collection years)' },
];

const isPercent = (ind) => ind.unit === 'percent';

// Figures as the DfE publishes them: percentages (0-100) and others to one decimal place,
// counts whole.
export function showValue(ind, v) {
  if (v === null || v === undefined) return 'No data';
  if (isPercent(ind)) return `${v.toFixed(1)}%`;
  if (ind.unit === 'count') return Math.round(v).toLocaleString('en-GB');
  if (ind.unit === 'per_10k') return `${v.toFixed(1)} per 10,000`;
  if (ind.unit === 'mean_days' || ind.unit === 'median_days') return `${v.toFixed(1)} days`;
  return v.toFixed(1);
}

// The figure a council is compared with: England's, else its statistical neighbours'.
export const comparator = (ind) => ind.england?.value ?? ind.neighbours?.value ?? null;

// Red when worse than the comparator by the indicator's polarity, green when as good or
// better, grey when there is nothing to compare with.
export function rag(ind, value, against) {
  if (value === null || value === undefined || against === null || against === undefined) return 'grey';
  const better = ind.polarity === 'lower' ? value <= against : value >= against;
  return better ? 'green' : 'red';
}

const RAG_TEXT = { red: 'Worse than England', green: 'As good as or better than England', grey: 'No comparison' };

// The report's own parameters, carried through the drill-down and the downloads.
const reportParams = (params) => ({ as_at: params.as_at, trend: params.trend || 'monthly' });

export function downloadHref(params, format, extra = {}) {
  return `/api/report${query({ ...reportParams(params), ...extra, format })}`;
}

export function Performance({ params }) {
  usePageTitle('Performance');
  const { indicator } = params;
  const report = useFetch(`/api/report${query({ ...reportParams(params), area: params.area })}`);
  if (report.error) return <Problem error={report.error} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  if (indicator) return <DrillDown report={r} params={params} />;
  const last = r.periods.length - 1;
  const areas = [...new Set(r.indicators.map((i) => i.area))];
  return (
    <>
      <span class="govuk-caption-l">{r.council ? `${r.council.name}, as` : 'As'} at {formatDate(r.as_at)}</span>
      <h1 class="govuk-heading-xl">Performance</h1>
      <Filters params={params} />
      <p class="govuk-body">
        Download the scorecard: <a class="govuk-link" href={downloadHref(params, 'csv', { area: params.area })} download>CSV</a>
        {' '}or <a class="govuk-link" href={downloadHref(params, 'xlsx', { area: params.area })} download>Excel (xlsx)</a>
      </p>
      {areas.map((area) => (
        <section key={area} aria-labelledby={`area-${area}`}>
          <h2 class="govuk-heading-l" id={`area-${area}`}>{humanise(area)}</h2>
          <div class="journey-scorecard">
            {r.indicators.map((ind, i) => (ind.area !== area ? null : (
              <IndicatorCard key={ind.id} report={r} ind={ind} i={i} last={last} params={params} />
            )))}
          </div>
        </section>
      ))}
    </>
  );
}

function IndicatorCard({ report: r, ind, i, last, params }) {
  const cells = r.cells.filter((c) => c.indicator === i && c.dimension === -1);
  const now = cells.find((c) => c.period === last)?.value ?? null;
  const points = cells.map((c) => ({ period: r.periods[c.period].label, value: c.value }));
  const colour = rag(ind, now, comparator(ind));
  return (
    <section class="journey-indicator" aria-labelledby={`ind-${ind.id}`} data-rag={colour}>
      <h3 class="govuk-heading-s" id={`ind-${ind.id}`}>{ind.title}</h3>
      <p class="govuk-body journey-indicator__figure">
        {showValue(ind, now)} <Tag colour={colour}>{RAG_TEXT[colour]}</Tag>
      </p>
      <p class="govuk-body-s">
        {r.periods[last].label}. England {showValue(ind, ind.england?.value)}
        {ind.england ? ` (${ind.england.period})` : ''} · Statistical neighbours {showValue(ind, ind.neighbours?.value)}
      </p>
      <TrendChart points={points} percent={isPercent(ind)} label={null}
        benchmarks={[ind.england && { value: ind.england.value, colour: '#505a5f' }].filter(Boolean)} />
      <details class="govuk-details">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Figures by period<span class="govuk-visually-hidden">: {ind.title}</span></span></summary>
        <div class="govuk-details__text">
          <Table caption={ind.title} captionClass="govuk-visually-hidden" head={['Period', 'Figure', 'Cases']} numeric={[1, 2]}
            rows={cells.map((c) => [r.periods[c.period].label, showValue(ind, c.value), c.cases.toLocaleString('en-GB')])} />
        </div>
      </details>
      <a class="govuk-link" href={href('/performance', { ...reportParams(params), indicator: ind.id })}>By team, worker and child<span class="govuk-visually-hidden">: {ind.title}</span></a>
    </section>
  );
}

function Filters({ params }) {
  const [trend, setTrend] = useState(params.trend || 'monthly');
  const [asAt, setAsAt] = useState(params.as_at || '');
  const [error, setError] = useState(null);
  const submit = (e) => {
    e.preventDefault();
    if (asAt && !/^\d{4}-\d{2}-\d{2}$/.test(asAt)) {
      setError('Enter the date as year-month-day, for example 2026-03-31');
      return;
    }
    setError(null);
    navigate('/performance', { trend, as_at: asAt || undefined, area: params.area });
  };
  return (
    <form class="journey-filters" onSubmit={submit} noValidate>
      <Select id="trend" label="Periods" value={trend} onInput={setTrend} options={TRENDS} placeholder="Choose the periods" />
      <TextInput id="as-at" label="As at" hint="What is known on this date, for example 2026-03-31. Leave empty for today." value={asAt} onInput={setAsAt} width={10} error={error} />
      <Button secondary>Show the figures</Button>
    </form>
  );
}

function DrillDown({ report, params }) {
  const { indicator: id, team, worker } = params;
  const i = report.indicators.findIndex((x) => x.id === id);
  const ind = report.indicators[i];
  const base = { ...reportParams(params), indicators: id };
  const sub = useFetch(ind && !worker ? `/api/report${query({ ...base, breakdown: team ? 'worker' : 'team', team_id: team })}` : null);
  const children = useFetch(ind && (worker || team || params.children) ? `/api/report/drill${query({ ...reportParams(params), indicator: id, team_id: worker ? undefined : team, worker_id: worker })}` : null);
  if (!ind) return <Problem error={{ status: 404, message: 'There is no such indicator.' }} />;
  const last = report.periods.length - 1;
  const council = report.cells.find((c) => c.indicator === i && c.dimension === -1 && c.period === last);
  const link = (extra) => href('/performance', { ...reportParams(params), indicator: id, ...extra });
  const crumbs = [['Performance', href('/performance', reportParams(params))], [ind.title, link({})]];
  if (team) crumbs.push([params.team_name || 'Team', link({ team, team_name: params.team_name })]);
  const level = worker ? (params.worker_name || 'Worker') : team ? (params.team_name || 'Team') : 'The council';
  return (
    <>
      <nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
        <ol class="govuk-breadcrumbs__list">
          {crumbs.map(([t, h]) => <li class="govuk-breadcrumbs__list-item" key={h}><a class="govuk-breadcrumbs__link" href={h}>{t}</a></li>)}
        </ol>
      </nav>
      <span class="govuk-caption-l">{level}, {report.periods[last].label}</span>
      <h1 class="govuk-heading-l">{ind.title}</h1>
      <p class="govuk-body">
        The council: <strong>{showValue(ind, council?.value)}</strong> · England {showValue(ind, ind.england?.value)}
        {ind.england ? ` (${ind.england.period}; ${ind.england.source})` : ''}
      </p>
      {!worker && (sub.error ? <Problem error={sub.error} /> : !sub.data ? <Loading /> : (
        <Table caption={team ? 'By worker in the team' : 'By team'} head={[team ? 'Worker' : 'Team', 'Cases', 'Figure']} numeric={[1, 2]}
          rows={sub.data.cells.filter((c) => c.dimension === 0 && c.period === sub.data.periods.length - 1).map((c) => {
            const colour = rag(ind, c.value, comparator(ind));
            return [
              c.key ? <a class="govuk-link" href={team ? link({ team, team_name: params.team_name, worker: c.key, worker_name: c.label }) : link({ team: c.key, team_name: c.label })}>{c.label}</a> : c.label,
              c.cases.toLocaleString('en-GB'),
              <Tag colour={colour}>{showValue(ind, c.value)}<span class="govuk-visually-hidden">: {RAG_TEXT[colour]}</span></Tag>,
            ];
          })} />
      ))}
      {!worker && !team && !params.children && (
        <p class="govuk-body"><a class="govuk-link" href={link({ children: 1 })}>The children behind the council's figure</a></p>
      )}
      {children.error ? <Problem error={children.error} /> : children.data && <Children ind={ind} data={children.data} />}
      <p class="govuk-body">
        Download: <a class="govuk-link" href={downloadHref(params, 'csv', { indicators: id, breakdown: team ? 'worker' : 'team', team_id: team })} download>CSV</a>
        {' '}or <a class="govuk-link" href={downloadHref(params, 'xlsx', { indicators: id, breakdown: team ? 'worker' : 'team', team_id: team })} download>Excel (xlsx)</a>
      </p>
    </>
  );
}

function Children({ ind, data }) {
  const shown = data.items.length;
  return (
    <>
      <h2 class="govuk-heading-m">The children behind the figure</h2>
      <p class="govuk-body">
        {data.total.toLocaleString('en-GB')} children, {data.in_numerator.toLocaleString('en-GB')} of them counted in the numerator ({ind.numerator || 'the cases counted'}).
        {shown < data.total ? ` The first ${shown.toLocaleString('en-GB')} are listed.` : ''}
        {!data.names_shown ? ' Your role sees the children by their Journey ID only.' : ''}
      </p>
      <Table caption="Children" captionClass="govuk-visually-hidden" head={['Child', 'Date of birth', 'In the numerator']}
        rows={data.items.map((c) => [
          c.may_open ? <a class="govuk-link" href={href(`/children/${c.id}`)}>{c.name}</a> : `Child ${c.id}`,
          c.date_of_birth ? formatDate(c.date_of_birth) : '',
          c.in_numerator ? 'Yes' : 'No',
        ])} />
    </>
  );
}
