// No typed work is lost (issue 5, item 2): a form's values are saved to the server's drafts
// API as the user types (debounced), kept in this tab's sessionStorage too so that a dropped
// connection or an expired session loses nothing, and restored when the form opens again.
import { useEffect, useRef, useState } from 'preact/hooks';
import { del, get, put } from './api.js';

const SAVE_DELAY_MS = 600;
const local = (key) => `journey-draft:${key}`;

function readLocal(key) {
  try { return JSON.parse(sessionStorage.getItem(local(key)) || 'null'); } catch { return null; }
}
function parseDraft(text) {
  try { return JSON.parse(text); } catch { return null; }
}
function writeLocal(key, value) {
  try { sessionStorage.setItem(local(key), JSON.stringify(value)); } catch { /* full or disabled */ }
}

// Returns [values, setValues, status, clear]. status is one of 'loading', 'restored',
// 'saved', 'saving', 'unsaved' (the server could not be reached: kept in this tab) or ''.
export function useDraft(key, initial) {
  const [values, setValuesState] = useState(initial);
  const [status, setStatus] = useState('loading');
  const timer = useRef(null);
  const latest = useRef(initial);
  const dirty = useRef(false);

  useEffect(() => {
    let live = true;
    const pending = readLocal(key);
    get(`/api/drafts/${encodeURIComponent(key)}`, { quiet: true })
      .then((d) => {
        if (!live) return;
        const server = d && d.text ? parseDraft(d.text) : null;
        // A copy in this tab newer than the server's (the save had not reached it) wins.
        const best = pending && (!server || pending.saved_at > (server.saved_at || 0)) ? pending : server;
        if (best && !dirty.current) {
          latest.current = { ...initial, ...best.values };
          setValuesState(latest.current);
          setStatus('restored');
          if (best === pending) save(true);
        } else setStatus('');
      })
      .catch(() => {
        if (!live) return;
        if (pending && !dirty.current) {
          latest.current = { ...initial, ...pending.values };
          setValuesState(latest.current);
          setStatus('restored');
        } else setStatus('');
      });
    return () => { live = false; clearTimeout(timer.current); };
  }, [key]);

  useEffect(() => {
    const again = () => { if (dirty.current) save(true); };
    addEventListener('journey:signed-in', again);
    return () => removeEventListener('journey:signed-in', again);
  }, [key]);

  function save(now) {
    clearTimeout(timer.current);
    const run = () => {
      const body = { values: latest.current, saved_at: Date.now() };
      writeLocal(key, body);
      setStatus('saving');
      put(`/api/drafts/${encodeURIComponent(key)}`, { text: JSON.stringify(body) }, { quiet: true })
        .then(() => setStatus('saved'))
        .catch(() => setStatus('unsaved'));
    };
    if (now) run(); else timer.current = setTimeout(run, SAVE_DELAY_MS);
  }

  const setValues = (next) => {
    dirty.current = true;
    latest.current = typeof next === 'function' ? next(latest.current) : next;
    setValuesState(latest.current);
    writeLocal(key, { values: latest.current, saved_at: Date.now() });
    save(false);
  };

  const clear = async () => {
    clearTimeout(timer.current);
    try { sessionStorage.removeItem(local(key)); } catch { /* ignore */ }
    try { await del(`/api/drafts/${encodeURIComponent(key)}`, { quiet: true }); } catch { /* gone */ }
  };

  return [values, setValues, status, clear];
}
