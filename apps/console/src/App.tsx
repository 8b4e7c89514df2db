import type { MeDto } from '@autonomos/sdk';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { can, onSessionChange, accessToken, signIn, signOut, whoAmI, type Role } from './api';
import { ErrorLine, SessionContext, useEventStream } from './ui';
import { Architecture } from './pages/architecture';
import { AuditLog } from './pages/audit';
import { ConnectionDetail, Connections } from './pages/connections';
import { ControlCenter } from './pages/control-center';
import { Dashboard } from './pages/dashboard';
import { DriftDetail, DriftList } from './pages/drift';
import { HitlItem, HitlQueue } from './pages/hitl';
import { LiveFlow } from './pages/live-flow';
import { Mappings } from './pages/mappings';
import { Ontology } from './pages/ontology';
import { Schedules } from './pages/schedules';
import { Settings } from './pages/settings';
import { Tasks } from './pages/tasks';
import { Users } from './pages/users';
import { Lineage, Views } from './pages/views';

/** Hash routes (#/hitl/<id>): the static build needs no server-side fallback. */
function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = () => setParts(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parts;
}

const NAV: Array<{ path: string; label: string; show?: (r: Role) => boolean }> = [
  { path: '', label: 'Dashboard' },
  { path: 'connections', label: 'Connections' },
  { path: 'drift', label: 'Drift' },
  { path: 'hitl', label: 'Review queue' },
  { path: 'mappings', label: 'Mappings' },
  { path: 'views', label: 'Views' },
  { path: 'lineage', label: 'Lineage' },
  { path: 'live', label: 'Live flow' },
  { path: 'control', label: 'Control center' },
  { path: 'architecture', label: 'Architecture' },
  { path: 'ontology', label: 'Ontology' },
  { path: 'tasks', label: 'Tasks' },
  { path: 'audit', label: 'Audit log', show: can.audit },
  { path: 'schedules', label: 'Schedules' },
  { path: 'users', label: 'Users & API keys', show: can.admin },
  { path: 'settings', label: 'Settings', show: can.admin },
];

function Page({ route }: { route: string[] }): ReactNode {
  const [head, id] = route;
  switch (head ?? '') {
    case '': return <Dashboard />;
    case 'connections': return id ? <ConnectionDetail id={id} /> : <Connections />;
    case 'drift': return id ? <DriftDetail id={id} /> : <DriftList />;
    case 'hitl': return id ? <HitlItem id={id} /> : <HitlQueue />;
    case 'mappings': return <Mappings />;
    case 'views': return <Views name={id} />;
    case 'lineage': return <Lineage />;
    case 'live': return <LiveFlow />;
    case 'control': return <ControlCenter />;
    case 'architecture': return <Architecture />;
    case 'ontology': return <Ontology />;
    case 'tasks': return <Tasks />;
    case 'audit': return <AuditLog />;
    case 'schedules': return <Schedules />;
    case 'users': return <Users />;
    case 'settings': return <Settings />;
    default: return <p>Nothing here. <a href="#/">Back to the dashboard</a>.</p>;
  }
}

function SignIn() {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin">
      <form onSubmit={submit} className="card" aria-label="Sign in">
        <h1 className="brand">Autonom<span>OS</span></h1>
        <label>Email<input name="email" type="email" autoComplete="username" required /></label>
        <label>Password<input name="password" type="password" autoComplete="current-password" required /></label>
        <ErrorLine error={error} />
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}

function useTheme(): [string, () => void] {
  const [theme, setTheme] = useState(() => localStorage.getItem('autonomos.theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('autonomos.theme', theme);
  }, [theme]);
  return [theme, () => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))];
}

export function App() {
  const [token, setToken] = useState(accessToken());
  const [me, setMe] = useState<MeDto | null>(null);
  const [error, setError] = useState<unknown>();
  const [theme, toggleTheme] = useTheme();
  const route = useRoute();
  useEffect(() => onSessionChange(() => setToken(accessToken())), []);
  const signedIn = !!token;
  useEffect(() => {
    if (!signedIn) return setMe(null);
    whoAmI().then(setMe, setError);
  }, [signedIn]);
  const live = useEventStream(signedIn && !!me);

  if (!signedIn) return <SignIn />;
  if (!me) return <main className="signin">{error ? <ErrorLine error={error} /> : <p>Loading…</p>}</main>;
  const role = me.actor.role;
  const email = me.user?.email ?? me.actor.id;
  return (
    <SessionContext.Provider value={{ role, tenant: me.tenant.name, email, ...live }}>
      <div className="shell">
        <header className="topbar">
          <a className="brand" href="#/">Autonom<span>OS</span></a>
          <div className="who" aria-label="Signed in as">
            <span data-testid="tenant-name">{me.tenant.name}</span>
            <span className="badge purple" data-testid="role">{role}</span>
            <span className="muted">{email}</span>
            <span className={`dot ${live.connected ? 'on' : ''}`} title={live.connected ? 'live events connected' : 'live events reconnecting'} aria-label={live.connected ? 'live events connected' : 'live events disconnected'} />
          </div>
          <div className="actions">
            <button className="ghost" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>{theme === 'dark' ? '☀' : '☾'}</button>
            <button className="ghost" onClick={() => void signOut()}>Sign out</button>
          </div>
        </header>
        <nav className="sidebar" aria-label="Main">
          {NAV.filter((n) => !n.show || n.show(role)).map((n) => (
            <a key={n.path} href={`#/${n.path}`} aria-current={(route[0] ?? '') === n.path ? 'page' : undefined}>{n.label}</a>
          ))}
        </nav>
        <main className="content">
          <Page route={route} />
        </main>
      </div>
    </SessionContext.Provider>
  );
}
