/**
 * Mappings of the shared sample files onto the ontology (source column → field), as an operator
 * would set them: used by the e2e tests and `make demo`.
 */
export const SAMPLE_MAPPINGS = {
  costReports: { period_start: 'BillingPeriodStart', period_end: 'BillingPeriodEnd', service: 'ServiceName', account_id: 'SubAccountId', amount: 'BilledCost', currency: 'BillingCurrency' },
  awsCur: {
    'lineItem/UnblendedCost': 'BilledCost',
    'lineItem/NetUnblendedCost': 'EffectiveCost',
    'lineItem/UsageStartDate': 'ChargePeriodStart',
    'lineItem/UsageEndDate': 'ChargePeriodEnd',
    'bill/BillingPeriodStartDate': 'BillingPeriodStart',
    'lineItem/ProductCode': 'ServiceName',
    'lineItem/ResourceId': 'ResourceId',
    'lineItem/UsageAccountId': 'SubAccountId',
    'lineItem/CurrencyCode': 'BillingCurrency',
    'lineItem/LineItemType': 'ChargeCategory',
    'product/region': 'RegionId',
  },
  awsResources: { resource_id: 'ResourceId', resource_type: 'ResourceType', service: 'ServiceName', region: 'RegionId', account_id: 'SubAccountId' },
  hubspotDeals: {
    hs_object_id: 'OpportunityId',
    dealname: 'Name',
    amount: 'Amount',
    dealstage: 'StageName',
    pipeline: 'Pipeline',
    closedate: 'CloseDate',
    associatedcompanyid: 'AccountId',
    hubspot_owner_id: 'OwnerId',
  },
  salesforceAccounts: { Id: 'AccountId', Name: 'Name', Industry: 'Industry', AnnualRevenue: 'AnnualRevenue', NumberOfEmployees: 'NumberOfEmployees', BillingCountry: 'BillingCountry', Website: 'Website', OwnerId: 'OwnerId' },
  salesforceOpportunities: {
    Id: 'OpportunityId',
    AccountId: 'AccountId',
    Name: 'Name',
    StageName: 'StageName',
    Amount: 'Amount',
    Probability: 'Probability',
    CloseDate: 'CloseDate',
    IsClosed: 'IsClosed',
    IsWon: 'IsWon',
    CurrencyIsoCode: 'CurrencyCode',
    OwnerId: 'OwnerId',
  },
} satisfies Record<string, Record<string, string>>;

/** The `fields` of a `PUT /mappings` body. */
export const mappingFields = (mapping: Record<string, string>) => Object.entries(mapping).map(([source, target]) => ({ source, target }));
