/**
 * Settings → Sync: sign this device in to an Inkproof sync server (with the account's password,
 * or an API token — either way the device gets a token of its own, named after it, that the server
 * lists and can revoke), see where the token is kept, sign out, and review conflicting versions.
 */
import { useEffect, useState } from 'react';
import { BridgeError } from '../bridge/types';
import { useActions } from '../app/context';
import { ConflictList } from './ConflictList';
import { syncLabel } from './labels';
import { useSync } from './model';
import './sync.css';

type Method = 'password' | 'token';

export function SyncSettings() {
  const { view, model } = useSync();
  const actions = useActions();
  const s = view.status;
  const [serverUrl, setServerUrl] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [method, setMethod] = useState<Method>('password');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!s) return;
    if (!serverUrl && s.server_url) setServerUrl(s.server_url);
    if (!deviceName) setDeviceName(s.device_name);
  }, [s, serverUrl, deviceName]);

  if (!s) return null;
  const signedIn = s.server_url !== null && s.state !== 'off' && s.state !== 'signed_out';

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      await model.run('connectSync', {
        server_url: serverUrl,
        device_name: deviceName || undefined,
        credentials: method === 'password' ? { name, password } : { token },
      });
      setPassword('');
      setToken('');
      actions.toast({ kind: 'success', message: `This device now syncs with ${serverUrl}.` });
    } catch (err) {
      setError(err instanceof BridgeError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const signOut = async () => {
    if (
      s.pending > 0 &&
      !window.confirm(
        `${s.pending} change${s.pending === 1 ? ' has' : 's have'} not reached the server yet. They stay on this device and go out when you sign in again. Sign out?`,
      )
    )
      return;
    setBusy(true);
    try {
      await model.run('disconnectSync', {});
      actions.toast({ kind: 'info', message: 'Signed out. Your documents stay on this device.' });
    } catch (err) {
      actions.toastError(err, 'Could not sign out');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card sync-settings" aria-labelledby="sync-title" id="sync">
      <h2 id="sync-title">Sync</h2>
      <p className="muted">
        Keep this library on an Inkproof sync server, so that it follows you to your other devices. Everything keeps
        working offline; changes wait on this device until the server has them.
      </p>
      {signedIn ? (
        <div className="sync-signed-in">
          <p data-testid="sync-summary">
            <strong>{syncLabel(s)}</strong> — {s.account} at {s.server_url}, as “{s.device_name}”.
          </p>
          {s.message && <p className="muted">{s.message}</p>}
          <p className="muted">The token of this device is kept {s.token_kept}.</p>
          <button type="button" className="button" onClick={() => void signOut()} disabled={busy}>
            Sign out
          </button>
        </div>
      ) : (
        <form
          className="form sync-form"
          aria-label="Sign in to a sync server"
          onSubmit={(e) => {
            e.preventDefault();
            void signIn();
          }}
        >
          {s.message && (
            <p className="sync-note" role="note">
              {s.message}
            </p>
          )}
          <label className="field">
            <span>Sync server</span>
            <input
              type="url"
              required
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
              placeholder="https://sync.example.org"
            />
          </label>
          <label className="field">
            <span>This device’s name</span>
            <input type="text" value={deviceName} maxLength={100} onChange={(e) => setDeviceName(e.target.value)} />
          </label>
          <div role="radiogroup" aria-label="Sign in with" className="radios">
            <label>
              <input
                type="radio"
                name="sync-method"
                checked={method === 'password'}
                onChange={() => setMethod('password')}
              />{' '}
              Account name and password
            </label>
            <label>
              <input type="radio" name="sync-method" checked={method === 'token'} onChange={() => setMethod('token')} />{' '}
              An API token
            </label>
          </div>
          {method === 'password' ? (
            <>
              <label className="field">
                <span>Account</span>
                <input
                  type="text"
                  required
                  autoComplete="username"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </label>
              <label className="field">
                <span>Password</span>
                <input
                  type="password"
                  required
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </label>
            </>
          ) : (
            <label className="field">
              <span>API token</span>
              <input
                type="password"
                required
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                aria-describedby="sync-token-help"
              />
              <span id="sync-token-help" className="muted">
                From <code>inkproof user token NAME</code> on the server. This device makes a token of its own from it.
              </span>
            </label>
          )}
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </div>
        </form>
      )}
      <ConflictList />
    </section>
  );
}
