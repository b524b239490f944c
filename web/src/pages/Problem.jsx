// What a page shows when it cannot show its content: refused, not found, or the server
// unreachable. A refusal says so plainly and offers no way round it.
import { href, usePageTitle } from '../router.js';

export function Problem({ error, title }) {
  const refused = error && error.status === 403;
  const heading = title || (refused ? 'You do not have access to this page' : error?.status === 404 ? 'Page not found' : 'Sorry, there is a problem');
  usePageTitle(heading);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{heading}</h1>
        <p class="govuk-body">{refused && !title ? 'Your role does not allow you to see this. If you need it for your work, ask your manager or administrator.' : error?.message}</p>
        <p class="govuk-body"><a class="govuk-link" href={href('/')}>Go to your start page</a></p>
      </div>
    </div>
  );
}

export function NotFound() {
  return <Problem error={{ status: 404, message: 'Check the address, or use the links above.' }} />;
}

export function Loading() {
  return <p class="govuk-body" aria-live="polite">Loading…</p>;
}
