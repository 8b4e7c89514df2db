// Common abbreviations in column names, expanded so `acct_amt` meets `account amount`.
const ABBREVIATIONS: Record<string, string> = {
  acct: 'account', acc: 'account', addr: 'address', amt: 'amount', avg: 'average', bal: 'balance',
  cat: 'category', ccy: 'currency', cnt: 'count', co: 'company', cust: 'customer', curr: 'currency',
  desc: 'description', descr: 'description', dept: 'department', diag: 'diagnosis', dob: 'birth date',
  dt: 'date', emp: 'employee', eff: 'effective', hr: 'hour', hrs: 'hours', id: 'id', ids: 'id',
  info: 'information', inv: 'invoice', loc: 'location', mgr: 'manager', mo: 'month', msg: 'message',
  nbr: 'number', no: 'number', num: 'number', org: 'organization', pct: 'percent', perc: 'percent',
  ph: 'phone', prod: 'product', qty: 'quantity', ref: 'reference', rev: 'revenue', sku: 'sku',
  src: 'source', stat: 'status', svc: 'service', tel: 'phone', temp: 'temperature', ts: 'timestamp',
  tx: 'transaction', txn: 'transaction', usr: 'user', yr: 'year', yrs: 'years', az: 'availability zone',
  usd: 'usd', uom: 'unit of measure', freq: 'frequency', max: 'maximum', min: 'minimum',
};

const STOPWORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'is', 'of', 'on', 'or', 'the', 'this', 'to', 'with']);

/**
 * Splits a column name into lower-case words: camelCase, snake_case, kebab, dotted and path
 * names (`lineItem/UnblendedCost`), with abbreviations expanded and stopwords dropped.
 */
export function tokenize(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .toLowerCase();
  const words: string[] = [];
  for (const raw of spaced.split(/[^a-z0-9]+/)) {
    if (!raw || STOPWORDS.has(raw)) continue;
    const expanded = ABBREVIATIONS[raw] ?? raw;
    for (const w of expanded.split(' ')) words.push(singular(w));
  }
  return words;
}

/** Cheap plural folding, enough for names (`costs` → `cost`, `categories` → `category`). */
export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
