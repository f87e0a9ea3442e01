import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { LoginMutation } from '../graphql/Login';
import { RegisterMutation } from '../graphql/Register';
import { useSession } from '../hooks/useSession';
import { describeError, errorCode } from '../../../apollo/describeError';
import { Notice } from '../../../ui/Notice';

const HANDLE_RULE = /^[a-z0-9_]{3,30}$/;

/** Sign in and sign up: one form, two modes; the token is kept across reloads. */
export function AuthPage({ mode }: { mode: 'signin' | 'signup' }) {
  const { viewer, signIn, endedBecause } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const ids = { handle: useId(), name: useId(), password: useId(), hint: useId() };

  const [handle, setHandle] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [login, loginState] = useMutation(LoginMutation);
  const [register, registerState] = useMutation(RegisterMutation);
  const busy = loginState.loading || registerState.loading;

  if (viewer) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const cleanHandle = handle.trim().replace(/^@/, '').toLowerCase();
    if (mode === 'signup') {
      if (!HANDLE_RULE.test(cleanHandle)) return setProblem('A handle is 3 to 30 characters: letters a–z, digits and _.');
      if (password.length < 8) return setProblem('Your password needs at least 8 characters.');
    } else if (!cleanHandle || !password) {
      return setProblem('Enter your handle and your password.');
    }
    try {
      if (mode === 'signup') {
        const { data } = await register({ variables: { input: { handle: cleanHandle, password, displayName: displayName.trim() || null } } });
        if (data) signIn({ token: data.register.token, profile: data.register.profile });
      } else {
        const { data } = await login({ variables: { input: { handle: cleanHandle, password } } });
        if (data) signIn({ token: data.login.token, profile: data.login.profile });
      }
      navigate(next, { replace: true });
    } catch (error) {
      setProblem(
        mode === 'signin' && errorCode(error) === 'UNAUTHENTICATED'
          ? 'That handle and password do not match an account.'
          : describeError(error),
      );
    }
  };

  const title = mode === 'signup' ? 'Create your Parley account' : 'Sign in to Parley';
  return (
    <div className="auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {endedBecause && mode === 'signin' ? <Notice tone="info">{endedBecause}</Notice> : null}
        <div className="field">
          <label htmlFor={ids.handle}>Handle</label>
          <input
            id={ids.handle}
            name="handle"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={handle}
            onChange={(e) => setHandle(e.target.value)}
            aria-describedby={mode === 'signup' ? ids.hint : undefined}
            required
          />
          {mode === 'signup' ? (
            <p className="field-hint" id={ids.hint}>
              3–30 characters: a–z, 0–9 and _. People find you by it.
            </p>
          ) : null}
        </div>
        {mode === 'signup' ? (
          <div className="field">
            <label htmlFor={ids.name}>Display name (optional)</label>
            <input id={ids.name} name="displayName" autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={80} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.password}>Password</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            minLength={mode === 'signup' ? 8 : undefined}
            required
          />
        </div>
        {problem ? <Notice>{problem}</Notice> : null}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Please wait…' : mode === 'signup' ? 'Sign up' : 'Sign in'}
        </button>
        <p className="auth-switch">
          {mode === 'signup' ? (
            <>
              Already have an account? <Link to={`/login${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
            </>
          ) : (
            <>
              New to Parley? <Link to={`/signup${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
            </>
          )}
        </p>
      </form>
    </div>
  );
}

/** Only same-site paths: a link must not send someone elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/messages';
}
