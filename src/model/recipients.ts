/**
 * Who receives data at an external sink that no catalogue entry names: the host, the
 * environment variable that holds the host, or only the kind of sink. The inventory lists it as
 * a recipient whose country is unknown, and the pull-request check counts it the same way, so
 * both see the same possible transfer.
 */
export function unlistedRecipient(sink: string, host?: string, hostEnv?: string): { id: string; name: string } | undefined {
  // Logs and the system's own storage stay inside the organisation.
  if (sink === 'log' || sink === 'storage' || !(host || hostEnv || sink !== 'unknown')) return undefined;
  return {
    id: host ? `host:${host}` : hostEnv ? `env:${hostEnv}` : `unknown:${sink}`,
    name: host ?? (hostEnv ? `$${hostEnv}` : `(${sink})`),
  };
}
