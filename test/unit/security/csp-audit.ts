/**
 * Judges an extension-page Content-Security-Policy: strict means the page may load its own
 * scripts, styles and images and nothing else. Returns one line per problem (none when strict).
 */

/** Directives that must be exactly `'none'`: no plugins, base URLs, forms or framing. */
const MUST_BE_NONE = ['default-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors'];

/**
 * Connections: only to http and https addresses, the feeds the person watches (the service
 * worker is under this policy too). No WebSocket, no other scheme; which addresses are asked
 * for is the end-to-end network guard's to check.
 */
const CONNECTIONS = 'http: https:';

/** The only source a fetch directive may name besides `'none'`. */
const OWN_FILES = "'self'";

export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

export function cspProblems(policy: string | undefined): string[] {
  if (!policy) return ['no policy of its own: the browser default lets pages connect anywhere'];
  const directives = parsePolicy(policy);
  const problems: string[] = [];
  for (const name of MUST_BE_NONE) {
    const sources = directives.get(name);
    if (!sources) problems.push(`${name} is missing (should be 'none')`);
    else if (sources.join(' ') !== "'none'") problems.push(`${name} is ${sources.join(' ')} (should be 'none')`);
  }
  const connect = directives.get('connect-src')?.join(' ');
  if (connect !== CONNECTIONS) problems.push(`connect-src is ${connect ?? 'missing'} (should be ${CONNECTIONS})`);
  for (const [name, sources] of directives) {
    if (MUST_BE_NONE.includes(name) || name === 'connect-src') continue;
    const loose = sources.filter((s) => s !== OWN_FILES && s !== "'none'");
    if (loose.length > 0) problems.push(`${name} allows ${loose.join(' ')}`);
  }
  const scripts = directives.get('script-src');
  if (scripts?.join(' ') !== OWN_FILES)
    problems.push(`script-src is ${scripts?.join(' ') ?? 'missing'} (should be 'self')`);
  return problems;
}
