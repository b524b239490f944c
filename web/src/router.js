// Hash routes (#/children/42), so the built page works from any static path and a reload
// keeps the user where they were. Each route change moves focus to the page's heading.
import { useEffect, useState } from 'preact/hooks';

export const ROUTES = [
  ['work', /^\/?$/],
  ['children', /^\/children$/],
  ['child', /^\/children\/([^/]+)$/],
  ['record', /^\/children\/([^/]+)\/new\/([a-z0-9_]+)$/],
  ['history', /^\/children\/([^/]+)\/records\/([a-z0-9_]+)\/([^/]+)$/],
  ['team', /^\/team$/],
  ['performance', /^\/performance$/],
  ['admin', /^\/admin$/],
];

export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '');
  const [path, qs = ''] = raw.split('?');
  const params = Object.fromEntries(new URLSearchParams(qs));
  for (const [name, re] of ROUTES) {
    const m = path.match(re);
    if (m) return { name, args: m.slice(1).map(decodeURIComponent), params, path };
  }
  return { name: 'notfound', args: [], params, path };
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = (path, params) => {
  const q = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')).toString() : '';
  return `#${path}${q ? `?${q}` : ''}`;
};

export const navigate = (path, params) => { location.hash = href(path, params).slice(1); };

// Sets the document title and focuses the page heading, so a screen reader announces the
// new page as it would after a full page load.
export function usePageTitle(title) {
  useEffect(() => {
    if (!title) return;
    document.title = `${title} – Journey`;
    const h1 = document.querySelector('main h1');
    if (h1 && document.activeElement?.closest?.('form') == null) {
      h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
    }
  }, [title]);
}
