// Entry point. No inline scripts anywhere: the server's Content-Security-Policy forbids
// them, so the class GOV.UK Frontend's CSS expects on <body> is set here.
import { render } from 'preact';
import './styles.scss';
import { App } from './app.jsx';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
render(<App />, document.getElementById('app'));
