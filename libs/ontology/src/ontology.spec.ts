import { getEntity, listEntities, ONTOLOGY_VERSION } from './index';

describe('ontology', () => {
  it('has a version and the FinOps and RevOps entities', () => {
    expect(ONTOLOGY_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(listEntities().map((e) => e.name)).toEqual(
      expect.arrayContaining(['CostLineItem', 'CloudResource', 'Account', 'Contact', 'Opportunity', 'Lead']),
    );
  });

  it('looks entities up case-insensitively', () => {
    expect(getEntity('costlineitem')?.domain).toBe('finops');
    expect(getEntity('Opportunity')?.domain).toBe('revops');
    expect(getEntity('nope')).toBeUndefined();
  });

  it('follows FOCUS 1.2 column names for cost line items', () => {
    const names = getEntity('CostLineItem')!.fields.map((f) => f.name);
    for (const col of ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost', 'ChargePeriodStart', 'BillingPeriodEnd',
      'ServiceName', 'ResourceId', 'RegionId', 'SubAccountId', 'BillingCurrency', 'ConsumedQuantity', 'PricingUnit',
      'ListUnitPrice', 'ChargeCategory', 'ProviderName', 'PublisherName', 'InvoiceIssuerName', 'SkuId', 'Tags']) {
      expect(names).toContain(col);
    }
  });

  it('is consistent: key fields exist, names unique, every field has a description and synonyms', () => {
    for (const entity of listEntities()) {
      const names = entity.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const key of entity.keyFields) expect(names).toContain(key);
      for (const f of entity.fields) {
        expect(f.description.length).toBeGreaterThan(5);
        expect(f.synonyms.length).toBeGreaterThan(0);
      }
    }
  });

  it('is plain JSON data', () => {
    const entities = listEntities();
    expect(JSON.parse(JSON.stringify(entities))).toEqual(entities);
  });
});
