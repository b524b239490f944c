// Sign-in (POST /api/session). Also shown above the page when a session has ended, so the
// user can carry on where they were.
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { usePageTitle } from '../router.js';
import { Button, ErrorSummary, TextInput } from '../components/govuk.jsx';

export function SignIn({ again, onSignedIn }) {
  usePageTitle(again ? null : 'Sign in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);

  const submit = async (e) => {
    e.preventDefault();
    const found = {};
    if (!username.trim()) found.username = 'Enter your username';
    if (!password) found.password = 'Enter your password';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const s = await post('/api/session', { username: username.trim(), password }, { quiet: true });
      onSignedIn(s);
    } catch (err) {
      if (err.status === 401) setErrors({ form: 'The username or password is not right. Check them and try again.' });
      else if (err.status === 429) {
        const wait = err.retryAfter ? ` Try again in ${err.retryAfter} seconds.` : '';
        setErrors({ form: `Too many attempts to sign in.${wait}` });
      } else setErrors({ form: err.message });
    } finally {
      setBusy(false);
    }
  };

  const list = [
    errors.form && { text: errors.form, href: 'username' },
    errors.username && { text: errors.username, href: 'username' },
    errors.password && { text: errors.password, href: 'password' },
  ].filter(Boolean);

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={list} />
        {again ? (
          <>
            <h2 class="govuk-heading-l" id="sign-in-again">Your session has ended</h2>
            <p class="govuk-body">Sign in again to carry on. What you typed is kept and will be here when you do.</p>
          </>
        ) : (
          <h1 class="govuk-heading-xl">Sign in to Journey</h1>
        )}
        <form onSubmit={submit} noValidate aria-labelledby={again ? 'sign-in-again' : undefined}>
          <TextInput id="username" label="Username" value={username} onInput={setUsername} error={errors.username}
            autocomplete="username" spellcheck={false} width="20" />
          <TextInput id="password" label="Password" type="password" value={password} onInput={setPassword}
            error={errors.password} autocomplete="current-password" width="20" />
          <Button disabled={busy}>{again ? 'Sign in and carry on' : 'Sign in'}</Button>
        </form>
      </div>
    </div>
  );
}
