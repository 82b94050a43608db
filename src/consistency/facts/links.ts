/**
 * Landing URLs, normalised so that the same page compares equal however it is written:
 * lower-case scheme and host, no default port, no trailing slash, no fragment, the other query
 * parameters sorted; `utm_*` parameters are taken out of the value and compared separately.
 */

export interface NormalisedUrl {
  /** `https://www.northwind.example/spring-sale` */
  value: string;
  /** `utm_*` parameters (lower-case names). */
  utm: Record<string, string>;
  host: string;
}

/** Normalises an http(s) URL (a bare `northwind.example/spring` is read as https); null for anything else. */
export function normaliseUrl(href: string, base?: string): NormalisedUrl | null {
  const trimmed = href.trim();
  if (trimmed === '' || /[{}<>|*%]{2}|\{\{|\}\}/.test(trimmed)) return null;
  let url: URL;
  try {
    const absolute = /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : /^\/\//.test(trimmed) ? `https:${trimmed}` : /^[\w-]+(\.[\w-]+)+/.test(trimmed) ? `https://${trimmed}` : undefined;
    url = absolute !== undefined ? new URL(absolute) : base ? new URL(trimmed, base) : new URL('invalid:');
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const utm: Record<string, string> = {};
  const rest: Array<[string, string]> = [];
  for (const [name, value] of url.searchParams) {
    if (/^utm_/i.test(name)) utm[name.toLowerCase()] = value;
    else rest.push([name, value]);
  }
  rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = rest.length > 0 ? `?${new URLSearchParams(rest).toString()}` : '';
  const pathname = url.pathname.replace(/\/+$/, '');
  return { value: `${url.protocol}//${url.host}${pathname}${query}`, utm, host: url.hostname };
}

/** Whether a host is one of the brand's domains or a subdomain of one. */
export function isOwnHost(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain.toLowerCase() || host.endsWith(`.${domain.toLowerCase()}`));
}
