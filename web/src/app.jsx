// The page frame (skip link, header, navigation, footer), the session, the idle-expiry
// warning and the pages by route. An expired session shows sign-in above the page it was
// on, without leaving it, so a half-filled form stays as it was.
import { useEffect, useState } from 'preact/hooks';
import { del, get, onActivity, onUnauthenticated, setCsrfToken } from './api.js';
import { href, navigate, useRoute } from './router.js';
import { homeFor, navFor, ROLE_NAMES } from './roles.js';
import { SignIn } from './pages/SignIn.jsx';
import { MyWork } from './pages/MyWork.jsx';
import { Children } from './pages/Children.jsx';
import { Child } from './pages/Child.jsx';
import { RecordPage } from './pages/RecordPage.jsx';
import { History } from './pages/History.jsx';
import { Team } from './pages/Team.jsx';
import { Performance } from './pages/Performance.jsx';
import { Admin } from './pages/Admin.jsx';
import { NotFound } from './pages/Problem.jsx';
import { IdleWarning } from './components/IdleWarning.jsx';

const PAGES = { work: MyWork, children: Children, child: Child, record: RecordPage, history: History, team: Team, performance: Performance, admin: Admin };

export function App() {
  const route = useRoute();
  const [session, setSession] = useState(undefined); // undefined: asking the server
  const [expired, setExpired] = useState(false);
  const [idleEndsAt, setIdleEndsAt] = useState(null);
  const adopt = (s) => {
    setCsrfToken(s.csrf_token);
    setSession(s);
    setExpired(false);
    // Forms whose drafts could not be saved while signed out save them now.
    dispatchEvent(new Event('journey:signed-in'));
    const ends = Date.parse(s.idle_expires_at);
    if (!Number.isNaN(ends)) setIdleEndsAt(ends);
  };

  useEffect(() => {
    get('/api/session', { quiet: true }).then(adopt).catch(() => setSession(null));
    const offAuth = onUnauthenticated(() => setExpired(true));
    // The server extends the idle window on each request and says until when.
    const offActive = onActivity((at) => {
      const ends = Date.parse(at);
      if (!Number.isNaN(ends)) setIdleEndsAt(ends);
    });
    return () => { offAuth(); offActive(); };
  }, []);

  const signOut = async (e) => {
    e.preventDefault();
    try { await del('/api/session'); } catch { /* already gone */ }
    setSession(null);
    setCsrfToken(null);
    navigate('/');
  };

  // A role without a caseload starts on its own first page.
  useEffect(() => {
    if (session && route.name === 'work' && homeFor(session) !== '/') navigate(homeFor(session));
  }, [session, route.name]);

  const signedIn = session && !expired;
  const Page = PAGES[route.name] || NotFound;
  return (
    <>
      <a href="#main-content" class="govuk-skip-link" onClick={skipToMain}>Skip to main content</a>
      <Header session={session} route={route} onSignOut={signOut} />
      <div class="govuk-width-container">
        <main class="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {session === undefined && <p class="govuk-body">Loading…</p>}
          {session === null && (
            <SignIn onSignedIn={(s) => { adopt(s); if (route.name === 'work') navigate(homeFor(s)); }} />
          )}
          {session && expired && (
            <SignIn again onSignedIn={adopt} />
          )}
          {session && (
            <div class={expired ? 'journey-inert' : ''} inert={expired ? true : undefined}>
              <Page key={route.path} args={route.args} params={route.params} session={session} signedIn={signedIn} />
            </div>
          )}
        </main>
      </div>
      {signedIn && idleEndsAt && <IdleWarning endsAt={idleEndsAt} onExpired={() => setExpired(true)} />}
      <Footer />
    </>
  );
}

function skipToMain(e) {
  e.preventDefault();
  const main = document.getElementById('main-content');
  main.focus();
  main.scrollIntoView();
}

function Header({ session, route, onSignOut }) {
  const nav = session ? navFor(session) : [];
  return (
    <header>
      <div class="govuk-generic-header journey-header">
        <div class="govuk-generic-header__container govuk-width-container">
          <div class="govuk-generic-header__logo">
            <a href={href('/')} class="govuk-generic-header__homepage-link">Journey</a>
          </div>
        </div>
      </div>
      <section aria-label="Service information" class="govuk-service-navigation">
        <div class="govuk-width-container">
          <div class="govuk-service-navigation__container">
            <span class="govuk-service-navigation__service-name">
              <span class="govuk-service-navigation__text">Children's services</span>
            </span>
            {session && (
              <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                <ul class="govuk-service-navigation__list" id="navigation">
                  {nav.map(([path, text, name]) => {
                    const current = route.name === name || (name === 'children' && ['child', 'record', 'history'].includes(route.name));
                    return (
                      <li key={path} class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                        <a class="govuk-service-navigation__link" href={href(path)} aria-current={current ? 'page' : undefined}>
                          {current ? <strong class="govuk-service-navigation__active-fallback">{text}</strong> : text}
                        </a>
                      </li>
                    );
                  })}
                  <li class="govuk-service-navigation__item journey-nav-user">
                    <span class="govuk-service-navigation__text journey-user">
                      {session.user.name} · {ROLE_NAMES[session.user.role] || session.user.role}
                    </span>
                  </li>
                  <li class="govuk-service-navigation__item">
                    <a class="govuk-service-navigation__link" href="#/sign-out" onClick={onSignOut}>Sign out</a>
                  </li>
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
    </header>
  );
}

function Footer() {
  return (
    <footer class="govuk-footer">
      <div class="govuk-width-container">
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p class="govuk-body-s">Journey: the record of every child's journey. Synthetic data only on demonstration councils.</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
