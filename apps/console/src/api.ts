// The console talks to the API only through the generated SDK (libs/sdk). This module holds the session:
// the bearer token on every request, a single-flight refresh (refresh tokens are single use), sign-out.
import { createClient, login, logout, me, refresh, type Client, type MeDto, type ProblemDto, type SessionDto } from '@autonomos/sdk';

export const baseUrl: string = import.meta.env.VITE_API_URL || window.location.origin;
export const client: Client = createClient({ baseUrl });

const KEY = 'autonomos.session';
let session: (SessionDto & { expiresAt: number }) | null = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
let refreshing: Promise<boolean> | null = null;
let refreshTimer: number | undefined;
const listeners = new Set<() => void>();

client.interceptors.request.use((request) => {
  if (session && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${session.accessToken}`);
  return request;
});

export function accessToken(): string | null {
  return session?.accessToken ?? null;
}
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function store(next: SessionDto | null) {
  session = next ? { ...next, expiresAt: Date.now() + next.expiresIn * 1000 } : null;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  window.clearTimeout(refreshTimer);
  // Refresh a little before the access token expires.
  if (session) refreshTimer = window.setTimeout(() => void refreshSession(), Math.max(5_000, session.expiresAt - Date.now() - 60_000));
  listeners.forEach((l) => l());
}
if (session) store(session);

/** An API failure carrying the RFC 9457 problem (detail, errors[{field, message}]). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemDto> | undefined,
  ) {
    super(problem?.detail || problem?.title || `request failed (${status})`);
  }
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem?.errors ?? []).map((e) => [e.field, e.message]));
  }
}

type Result<T> = { data?: T; error?: unknown; response?: Response };

/** Runs an SDK call; on 401 refreshes the session once and retries; throws ApiError on failure. */
export async function call<T>(run: () => Promise<Result<T>>): Promise<T> {
  let result = await run();
  if (result.response?.status === 401 && session) {
    if (await refreshSession()) result = await run();
    else store(null);
  }
  if (!result.response || !result.response.ok) throw new ApiError(result.response?.status ?? 0, result.error as Partial<ProblemDto>);
  return result.data as T;
}

export async function signIn(email: string, password: string): Promise<void> {
  store(null);
  store(await call(() => login({ client, body: { email, password } })));
}

export function refreshSession(): Promise<boolean> {
  if (!session) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const { data } = await refresh({ client, body: { refreshToken: session!.refreshToken } });
      store(data ?? null);
      return !!data;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signOut(): Promise<void> {
  if (session) await logout({ client, body: { refreshToken: session.refreshToken } }).catch(() => undefined);
  store(null);
}

export function whoAmI(): Promise<MeDto> {
  return call(() => me({ client }));
}

export type Role = MeDto['actor']['role'];
/** What each role may do, as the API enforces it (the console only hides what would be refused). */
export const can = {
  decide: (r: Role) => r === 'admin' || r === 'reviewer',
  operate: (r: Role) => r === 'admin' || r === 'operator',
  audit: (r: Role) => r !== 'viewer',
  admin: (r: Role) => r === 'admin',
};
