/** API keys read `aos_<key id without dashes>_<secret>`: the id finds the row, the secret proves it. */
export function formatApiKey(id: string, secret: string): string {
  return `aos_${id.replace(/-/g, '')}_${secret}`;
}

export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const match = /^aos_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(key);
  if (!match) return undefined;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}
