// A warning before the session's idle expiry (issue 5, item 2), as GOV.UK's timeout pattern
// suggests: shown two minutes before, announced politely, with a button to stay signed in.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';

export const WARN_BEFORE_MS = 2 * 60 * 1000;

export function IdleWarning({ endsAt, onExpired, now = () => Date.now() }) {
  const [left, setLeft] = useState(endsAt - now());
  useEffect(() => {
    const tick = () => {
      const ms = endsAt - now();
      setLeft(ms);
      if (ms <= 0) onExpired();
    };
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [endsAt]);
  const showing = left <= WARN_BEFORE_MS && left > 0;
  // The bar is fixed to the bottom of the window: room below the page keeps it off the form.
  useEffect(() => {
    document.body.classList.toggle('journey-has-idle', showing);
    return () => document.body.classList.remove('journey-has-idle');
  }, [showing]);
  if (!showing) return null;
  const minutes = Math.ceil(left / 60000);
  return (
    <div class="journey-idle" role="region" aria-label="Session time-out warning">
      <div class="govuk-width-container">
        <p class="govuk-body govuk-!-margin-bottom-2" aria-live="polite">
          <strong>You will be signed out in {minutes === 1 ? '1 minute' : `${minutes} minutes`}</strong> if you do nothing.
          What you have typed is saved as a draft.
        </p>
        <button type="button" class="govuk-button govuk-!-margin-bottom-0" onClick={() => get('/api/session').catch(() => {})}>
          Stay signed in
        </button>
      </div>
    </div>
  );
}
