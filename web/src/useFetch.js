// Loads one API resource for a page: {data, error, loading, reload}.
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';

export function useFetch(path) {
  const [state, setState] = useState({ data: null, error: null, loading: Boolean(path) });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!path) return undefined;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    get(path)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error) => live && setState({ data: null, error, loading: false }));
    return () => { live = false; };
  }, [path, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}
