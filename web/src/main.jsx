// Entry point. No inline scripts anywhere: the server's Content-Security-Policy forbids
// them, so the class GOV.UK Frontend's CSS expects on <body> is set here.
import { render } from 'preact';
import './styles.scss';
import { App } from './app.jsx';
import { prefetch } from './api.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
// The session, and My work (the first page of most users) alongside it, asked for before the
// first render so that neither waits for the other or for the page to be drawn.
prefetch('/api/session');
if (/^#?\/?$/.test(location.hash)) prefetch('/api/me/work?days=14');
render(<App />, document.getElementById('app'));
