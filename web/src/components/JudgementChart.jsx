// Judgements over time: every graded judgement of every inspection as a dot at its date and
// rank (4 best .. 1 worst, the one axis the frameworks' scales share), the overall
// judgements joined by a line and ringed. Drawn as plain SVG attributes (Observable Plot
// writes inline styles, which the Content-Security-Policy refuses). The figures are in a
// table beside it, so the SVG is hidden from screen readers.
const W = 660, H = 240, LEFT = 160, RIGHT = 20, TOP = 15, BOTTOM = 30;
const RANKS = { 4: 'Outstanding', 3: 'Good', 2: 'Requires improvement', 1: 'Inadequate' };

export function judgementPoints(inspections) {
  const points = [];
  for (const i of inspections) {
    for (const j of i.judgements) {
      if (!j.rank) continue;
      points.push({ date: Date.parse(i.start_date), rank: j.rank, overall: j.area === 'OVERALL', framework: i.framework });
    }
  }
  return points;
}

export function JudgementChart({ inspections }) {
  const points = judgementPoints(inspections);
  if (points.length === 0) return null;
  const dates = inspections.map((i) => Date.parse(i.start_date));
  const y0 = new Date(Math.min(...dates)).getUTCFullYear();
  const y1 = new Date(Math.max(...dates)).getUTCFullYear() + 1;
  const t0 = Date.UTC(y0, 0, 1), t1 = Date.UTC(y1, 0, 1);
  const x = (t) => LEFT + ((t - t0) / (t1 - t0)) * (W - LEFT - RIGHT);
  const y = (r) => TOP + ((4 - r) / 3) * (H - TOP - BOTTOM);
  const years = [];
  const step = Math.max(1, Math.ceil((y1 - y0) / 8));
  for (let yr = y0; yr <= y1; yr += step) years.push(yr);
  const overall = points.filter((p) => p.overall).sort((a, b) => a.date - b.date);
  // Judgements of one inspection at one grade are spread a little so each dot shows.
  const seen = {};
  const spread = (p) => {
    const k = `${p.date}-${p.rank}`;
    seen[k] = (seen[k] || 0) + 1;
    return x(p.date) + (seen[k] - 1) * 5;
  };
  return (
    <div class="journey-chart journey-chart--wide" data-testid="judgement-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" focusable="false" font-size="12" font-family="inherit">
        {[4, 3, 2, 1].map((r) => (
          <g key={r}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(r)} y2={y(r)} stroke="#b1b4b6" />
            <text x={LEFT - 8} y={y(r) + 4} text-anchor="end" fill="#0b0c0c">{RANKS[r]}</text>
          </g>
        ))}
        {years.map((yr) => (
          <text key={yr} x={x(Date.UTC(yr, 0, 1))} y={H - 8} text-anchor="middle" fill="#505a5f">{yr}</text>
        ))}
        {overall.length > 1 && (
          <polyline points={overall.map((p) => `${x(p.date)},${y(p.rank)}`).join(' ')} fill="none" stroke="#0b0c0c" stroke-width="2" />
        )}
        {points.map((p, i) => <circle key={i} cx={spread(p)} cy={y(p.rank)} r="4" fill="#1d70b8" />)}
        {overall.map((p, i) => <circle key={`o${i}`} cx={x(p.date)} cy={y(p.rank)} r="8" fill="none" stroke="#0b0c0c" stroke-width="2" />)}
      </svg>
    </div>
  );
}
