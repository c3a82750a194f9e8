// Every call of the dashboard goes through here: the key from sessionStorage as a bearer token, JSON in and out,
// and a problem detail (RFC 9457) turned into an ApiError whose message is the problem's words.
import type { components } from '../api/openapi';

export type Me = components['schemas']['Me'];

const KEY_NAME = 'chatroi.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_NAME);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY_NAME, key.trim());
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_NAME);
}

export interface FieldError { field: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string,
              readonly errors: FieldError[] = []) {
    super(detail || title);
  }

  /** 403: the key works but its role may not do this. */
  get forbidden(): boolean { return this.status === 403; }
}

async function problemOf(response: Response): Promise<ApiError> {
  let title = response.statusText || 'Request failed';
  let detail = '';
  let errors: FieldError[] = [];
  try {
    const body = await response.json();
    title = body.title ?? title;
    detail = body.detail ?? '';
    errors = Array.isArray(body.errors) ? body.errors : [];
  } catch {
    // not a problem document: keep the status text
  }
  if (response.status === 401) {
    detail = detail || 'The API key is unknown or revoked.';
  }
  return new ApiError(response.status, title, detail, errors);
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(name, v));
    else params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Listeners told when the key stops working (401), so the app shows the sign-in screen again. */
const unauthorisedListeners: Array<() => void> = [];
export function onUnauthorised(listener: () => void): void { unauthorisedListeners.push(listener); }

async function call(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
  const key = storedKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
  });
  if (!response.ok) {
    const error = await problemOf(response);
    if (response.status === 401) unauthorisedListeners.forEach((l) => l());
    throw error;
  }
  return response;
}

export async function get<T>(path: string, query?: Query): Promise<T> {
  return (await call('GET', withQuery(path, query))).json() as Promise<T>;
}

export async function getText(path: string, query?: Query, accept = 'text/csv'): Promise<string> {
  return (await call('GET', withQuery(path, query), undefined, accept)).text();
}

export async function send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const response = await call(method, path, body);
  return response.status === 204 ? null : (response.json() as Promise<T>);
}

export interface Page<T> { items: T[]; nextCursor: string | null }

/** Follows nextCursor until the list ends or max items are in hand (a drill-down reads its whole list). */
export async function all<T>(path: string, query: Query = {}, max = 5000): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let after: string | null = null;
  do {
    const page: Page<T> = await get<Page<T>>(path, { ...query, limit: 500, after });
    items.push(...page.items);
    after = page.nextCursor;
  } while (after && items.length < max);
  return { items: items.slice(0, max), truncated: after !== null || items.length > max };
}
