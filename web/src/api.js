// The one place the pages talk to the server (docs/api/openapi.yaml). Every call is JSON;
// every write carries the session's CSRF token; a failed call becomes an ApiError with the
// server's code, message and per-field errors so the page can show them beside the fields.

export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    const err = (body && body.error) || {};
    super(err.message || messageForStatus(status));
    this.status = status;
    this.code = err.code || (status === 0 ? 'unavailable' : 'unknown');
    this.fields = err.fields || [];
    this.reasonRequired = Boolean(body && (body.reason_required || err.reason_required));
    this.retryAfter = retryAfter;
  }
}

export function messageForStatus(status) {
  switch (status) {
    case 0: return 'Journey cannot reach the server. Check your connection: what you typed is kept.';
    case 401: return 'Your session has ended. Sign in again: what you typed is kept.';
    case 403: return 'You do not have access to this.';
    case 404: return 'This page or record does not exist.';
    case 409: return 'Someone changed this record after you opened it. Reload it to see their change.';
    case 413: return 'What you sent is too large.';
    case 429: return 'Too many attempts. Wait a moment and try again.';
    default: return 'Something went wrong on the server. Try again; if it keeps happening, tell your administrator.';
  }
}

let csrfToken = null;
const listeners = new Set();
const activity = new Set();

export function setCsrfToken(token) { csrfToken = token; }
// Called with (status) when any call finds the session gone (401), so the app can show
// sign-in without losing the page the user was on.
export function onUnauthenticated(fn) { listeners.add(fn); return () => listeners.delete(fn); }
// Called with the session's new idle expiry (the X-Session-Idle-Expires header, an instant)
// after every signed-in response: each request counts as activity.
export function onActivity(fn) { activity.add(fn); return () => activity.delete(fn); }

export async function request(method, path, body, { quiet = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!res.ok) {
    const error = new ApiError(res.status, data, res.headers.get('Retry-After'));
    if (res.status === 401 && !quiet) for (const fn of listeners) fn(error);
    throw error;
  }
  const idle = res.headers.get('X-Session-Idle-Expires');
  if (idle) for (const fn of activity) fn(idle);
  return data;
}

// A GET started before the page needs it (the first page's data, fetched at the same time as
// the session so a cold start waits for one round trip, not two). Used once, then dropped.
const early = new Map();
export function prefetch(path) {
  const p = request('GET', path, undefined, { quiet: true });
  p.catch(() => {});
  early.set(path, p);
}

export function get(path, opts) {
  const p = early.get(path);
  if (p) {
    early.delete(path);
    return p.catch(() => request('GET', path, undefined, opts));
  }
  return request('GET', path, undefined, opts);
}
export const post = (path, body, opts) => request('POST', path, body ?? {}, opts);
export const put = (path, body, opts) => request('PUT', path, body ?? {}, opts);
export const del = (path, opts) => request('DELETE', path, undefined, opts);

// Builds a query string from the set values of an object.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
