// A small trend chart drawn with Observable Plot, loaded only when a chart is shown so the
// first page stays light. The figures are also in a table beside it (charts are not read
// by screen readers), so the SVG is hidden from them.
import { useEffect, useRef } from 'preact/hooks';

export function TrendChart({ points, label, percent, benchmarks = [] }) {
  const ref = useRef(null);
  useEffect(() => {
    let live = true;
    import('@observablehq/plot').then((Plot) => {
      if (!live || !ref.current) return;
      const data = points.filter((p) => p.value !== null && p.value !== undefined);
      const marks = [
        Plot.ruleY([0]),
        Plot.lineY(data, { x: 'period', y: 'value', stroke: '#1d70b8', strokeWidth: 3 }),
        Plot.dot(data, { x: 'period', y: 'value', fill: '#1d70b8', r: 3 }),
        ...benchmarks.map((b) => Plot.ruleY([b.value], { stroke: b.colour, strokeDasharray: '6,4' })),
      ];
      const svg = Plot.plot({
        width: 420, height: 180, marginLeft: 48,
        x: { type: 'point', label: null, tickFormat: (d, i) => (i % 3 === 0 ? d : '') },
        y: { label, grid: true, tickFormat: percent ? (d) => `${Math.round(d)}%` : undefined },
        style: { fontSize: '12px', fontFamily: 'inherit' },
        marks,
      });
      svg.setAttribute('aria-hidden', 'true');
      // Plot puts a <style> element in the chart, which the Content-Security-Policy refuses
      // (no inline styles); the same rules are in styles.scss (.journey-chart svg).
      for (const el of svg.querySelectorAll('style')) el.remove();
      ref.current.replaceChildren(svg);
    });
    return () => { live = false; };
  }, [points, benchmarks]);
  return <div class="journey-chart" ref={ref} />;
}
