import { field } from './field';
import { OntologyEntity } from './ontology.types';

// Column names follow FOCUS 1.2 (FinOps Open Cost and Usage Specification). Synonyms are the
// names the same concept has in AWS CUR (legacy and 2.0), Azure cost details and GCP billing export.
export const COST_LINE_ITEM: OntologyEntity = {
  name: 'CostLineItem',
  domain: 'finops',
  description: 'One row of a cloud or SaaS bill: a charge for a resource or service over a charge period (FOCUS 1.2).',
  keyFields: ['ChargePeriodStart', 'ResourceId', 'SkuId', 'ChargeCategory'],
  fields: [
    field('BilledCost', 'money', 'Charge serving as the basis for invoicing, after discounts, excluding amortization of upfront charges.', [
      'lineItem/UnblendedCost', 'line_item_unblended_cost', 'unblended cost', 'CostInBillingCurrency', 'PreTaxCost', 'cost', 'amount', 'billed amount', 'invoiced cost', 'charge amount', 'cost usd', 'total cost',
    ], { required: true, samples: ['0.0123', '51130.46', '12.5'] }),
    field('EffectiveCost', 'money', 'Amortized cost of the charge after applying discounts and prepaid purchases.', [
      'reservation/EffectiveCost', 'savingsPlan/SavingsPlanEffectiveCost', 'amortized cost', 'net amortized cost', 'effective cost', 'AmortizedCost', 'net cost',
    ], { required: true }),
    field('ListCost', 'money', 'Cost at public list prices, before discounts.', [
      'pricing/publicOnDemandCost', 'public on demand cost', 'on demand cost', 'PayGCost', 'retail cost', 'list price cost', 'undiscounted cost',
    ], { required: true }),
    field('ContractedCost', 'money', 'Cost at the negotiated (contracted) unit price before commitment discounts.', [
      'net unblended cost', 'lineItem/NetUnblendedCost', 'negotiated cost', 'contract cost', 'blended cost', 'lineItem/BlendedCost',
    ], { required: true }),
    field('ListUnitPrice', 'decimal', 'Public list price of one pricing unit.', [
      'pricing/publicOnDemandRate', 'public on demand rate', 'on demand rate', 'PayGPrice', 'retail price', 'list price', 'unit list price',
    ]),
    field('ContractedUnitPrice', 'decimal', 'Negotiated price of one pricing unit.', [
      'lineItem/NetUnblendedRate', 'UnitPrice', 'negotiated rate', 'contract price', 'blended rate', 'lineItem/BlendedRate',
    ]),
    field('ChargePeriodStart', 'timestamp', 'Inclusive start of the period the charge covers.', [
      'lineItem/UsageStartDate', 'line_item_usage_start_date', 'usage start date', 'usage_start_time', 'UsageDateTime', 'Date', 'start time', 'usage date',
    ], { required: true, samples: ['2025-09-01T00:00:00Z'] }),
    field('ChargePeriodEnd', 'timestamp', 'Exclusive end of the period the charge covers.', [
      'lineItem/UsageEndDate', 'line_item_usage_end_date', 'usage end date', 'usage_end_time', 'end time',
    ], { required: true, samples: ['2025-09-02T00:00:00Z'] }),
    field('BillingPeriodStart', 'timestamp', 'Inclusive start of the billing period (usually a calendar month).', [
      'bill/BillingPeriodStartDate', 'bill_billing_period_start_date', 'billing period start date', 'BillingPeriodStartDate', 'invoice month', 'period start',
    ], { required: true, samples: ['2025-09-01T00:00:00Z'] }),
    field('BillingPeriodEnd', 'timestamp', 'Exclusive end of the billing period.', [
      'bill/BillingPeriodEndDate', 'bill_billing_period_end_date', 'billing period end date', 'BillingPeriodEndDate', 'period end',
    ], { required: true, samples: ['2025-10-01T00:00:00Z'] }),
    field('BillingAccountId', 'id', 'Identifier of the account that pays the bill.', [
      'bill/PayerAccountId', 'bill_payer_account_id', 'payer account id', 'billing_account_id', 'BillingAccountId', 'management account id', 'master account id', 'billing profile id',
    ], { required: true, samples: ['111122223333'] }),
    field('BillingAccountName', 'string', 'Display name of the billing account.', [
      'payer account name', 'billing account name', 'BillingProfileName', 'bill_payer_account_name',
    ]),
    field('BillingAccountType', 'string', 'Provider label for the kind of billing account.', ['billing account type', 'account type']),
    field('SubAccountId', 'id', 'Identifier of the sub account (AWS linked account, Azure subscription, GCP project) the resource belongs to.', [
      'lineItem/UsageAccountId', 'line_item_usage_account_id', 'usage account id', 'linked account id', 'SubscriptionId', 'subscription guid', 'project.id', 'project id', 'account id', 'member account',
    ], { required: true, samples: ['444455556666'] }),
    field('SubAccountName', 'string', 'Display name of the sub account.', [
      'usage account name', 'linked account name', 'SubscriptionName', 'project.name', 'project name', 'account name',
    ]),
    field('SubAccountType', 'string', 'Provider label for the kind of sub account.', ['subscription type', 'project type']),
    field('BillingCurrency', 'currency_code', 'Currency the charge was billed in (ISO 4217).', [
      'lineItem/CurrencyCode', 'line_item_currency_code', 'currency code', 'currency', 'BillingCurrencyCode', 'billing currency code',
    ], { required: true, samples: ['USD', 'EUR'] }),
    field('PricingCurrency', 'currency_code', 'Currency of the price list used to price the charge.', ['pricing/currency', 'pricing currency', 'PricingCurrencyCode']),
    field('ConsumedQuantity', 'decimal', 'Volume of the resource or service used.', [
      'lineItem/UsageAmount', 'line_item_usage_amount', 'usage amount', 'usage quantity', 'Quantity', 'usage.amount', 'consumed quantity', 'qty used',
    ]),
    field('ConsumedUnit', 'string', 'Unit of the consumed quantity.', ['usage unit', 'usage.unit', 'UnitOfMeasure', 'consumed unit', 'unit']),
    field('PricingQuantity', 'decimal', 'Volume of the charge in pricing units.', [
      'lineItem/NormalizedUsageAmount', 'usage.amount_in_pricing_units', 'amount in pricing units', 'pricing quantity', 'billed quantity',
    ]),
    field('PricingUnit', 'string', 'Unit in which the price is given.', ['pricing/unit', 'pricing_unit', 'usage.pricing_unit', 'pricing unit', 'unit of measure']),
    field('PricingCategory', 'string', 'How the price was set: Standard, Dynamic, Committed, Other.', ['pricing/term', 'pricing term', 'PricingModel', 'purchase option']),
    field('ChargeCategory', 'string', 'Highest-level class of a charge: Usage, Purchase, Tax, Credit, Adjustment.', [
      'lineItem/LineItemType', 'line_item_line_item_type', 'line item type', 'ChargeType', 'cost_type', 'charge type', 'record type',
    ], { required: true, samples: ['Usage', 'Purchase', 'Tax', 'Credit'] }),
    field('ChargeClass', 'string', 'Whether the row corrects a previously invoiced billing period.', ['correction', 'charge class']),
    field('ChargeDescription', 'string', 'Self-contained summary of what the charge is for.', [
      'lineItem/LineItemDescription', 'line_item_line_item_description', 'line item description', 'sku.description', 'description', 'charge description', 'MeterName',
    ]),
    field('ChargeFrequency', 'string', 'How often the charge occurs: One-Time, Recurring, Usage-Based.', ['Frequency', 'charge frequency', 'billing frequency', 'recurrence'], {
      samples: ['One-Time', 'Recurring', 'Usage-Based'],
    }),
    field('ServiceName', 'string', 'Display name of the offering that was purchased.', [
      'lineItem/ProductCode', 'line_item_product_code', 'product code', 'product/ProductName', 'product/servicename', 'product name', 'service code', 'service.description', 'MeterCategory', 'ConsumedService', 'service',
    ], { required: true, samples: ['AmazonEC2', 'Virtual Machines', 'Compute Engine'] }),
    field('ServiceCategory', 'string', 'Highest-level class of the service by its core function (Compute, Storage, Databases, …).', [
      'product/productFamily', 'product family', 'ServiceFamily', 'service family', 'service category',
    ], { samples: ['Compute', 'Storage', 'Databases', 'Networking'] }),
    field('ServiceSubcategory', 'string', 'Finer class of the service below ServiceCategory.', ['service subcategory', 'MeterSubCategory', 'product group']),
    field('ProviderName', 'string', 'Name of the entity that made the resources or services available for purchase.', [
      'provider', 'cloud provider', 'cloud', 'vendor', 'ProviderName',
    ], { required: true, samples: ['AWS', 'Microsoft', 'Google Cloud'] }),
    field('PublisherName', 'string', 'Name of the entity that produced the resources or services that were purchased.', [
      'lineItem/LegalEntity', 'line_item_legal_entity', 'legal entity', 'PublisherName', 'seller of record', 'seller', 'marketplace seller',
    ], { samples: ['Amazon Web Services, Inc.', 'Microsoft'] }),
    field('InvoiceIssuerName', 'string', 'Name of the entity responsible for invoicing the charges.', [
      'bill/InvoicingEntity', 'bill_invoicing_entity', 'invoicing entity', 'billing entity', 'invoice issuer', 'reseller',
    ], { samples: ['Amazon Web Services, Inc.'] }),
    field('InvoiceId', 'id', 'Identifier of the invoice that includes the charge.', ['bill/InvoiceId', 'bill_invoice_id', 'invoice id', 'invoice number', 'invoice.id']),
    field('ResourceId', 'id', 'Provider identifier of the resource (ARN, Azure resource id, GCP resource name).', [
      'lineItem/ResourceId', 'line_item_resource_id', 'resource id', 'InstanceId', 'resource.global_name', 'resource arn', 'arn',
    ], { samples: ['arn:aws:ec2:us-east-1:111122223333:instance/i-0abc123'] }),
    field('ResourceName', 'string', 'Display name of the resource.', ['resource name', 'resource.name', 'ResourceName', 'instance name']),
    field('ResourceType', 'string', 'Kind of the resource (virtual machine, bucket, …).', ['resource type', 'product/instanceType', 'instance type', 'ResourceType', 'resource kind']),
    field('RegionId', 'string', 'Provider identifier of the region where the resource runs.', [
      'product/region', 'product_region_code', 'region code', 'region', 'location.region', 'ResourceLocation', 'location',
    ], { samples: ['us-east-1', 'westeurope', 'europe-west1'] }),
    field('RegionName', 'string', 'Display name of the region.', ['product/location', 'region name', 'location name', 'location']),
    field('AvailabilityZone', 'string', 'Provider identifier of an isolated area within a region.', [
      'lineItem/AvailabilityZone', 'line_item_availability_zone', 'availability zone', 'zone', 'location.zone', 'az',
    ], { samples: ['us-east-1a'] }),
    field('SkuId', 'id', 'Provider identifier of the product (SKU) purchased.', ['product/sku', 'product_sku', 'sku', 'sku.id', 'sku id', 'ProductId', 'MeterId', 'product id']),
    field('SkuPriceId', 'id', 'Identifier of the SKU price point used.', ['pricing/RateCode', 'rate code', 'pricing/RateId', 'rate id', 'price id']),
    field('SkuMeter', 'string', 'Functionality being metered for the SKU.', ['lineItem/UsageType', 'usage type', 'MeterName', 'meter', 'lineItem/Operation', 'operation']),
    field('SkuPriceDetails', 'json', 'Properties of the SKU price as key-value pairs.', ['price details', 'product attributes']),
    field('CommitmentDiscountId', 'id', 'Identifier of the commitment discount (reservation, savings plan, CUD) applied.', [
      'reservation/ReservationARN', 'savingsPlan/SavingsPlanARN', 'reservation arn', 'savings plan arn', 'ReservationId', 'BenefitId', 'commitment id',
    ]),
    field('CommitmentDiscountName', 'string', 'Display name of the commitment discount.', ['ReservationName', 'BenefitName', 'reservation name', 'savings plan name']),
    field('CommitmentDiscountCategory', 'string', 'Whether the commitment is spend- or usage-based.', ['commitment type', 'commitment category']),
    field('CommitmentDiscountType', 'string', 'Provider label for the kind of commitment discount.', ['reservation type', 'offering class', 'savings plan type']),
    field('CommitmentDiscountStatus', 'string', 'Whether the commitment was used or unused in the charge.', ['commitment status', 'used or unused']),
    field('CommitmentDiscountQuantity', 'decimal', 'Amount of the commitment consumed or unused by the charge.', ['commitment quantity', 'reserved units']),
    field('CommitmentDiscountUnit', 'string', 'Unit of the commitment quantity.', ['commitment unit']),
    field('CapacityReservationId', 'id', 'Identifier of a capacity reservation.', ['capacity reservation id', 'lineItem/CapacityReservationId']),
    field('CapacityReservationStatus', 'string', 'Whether the charge consumes or leaves unused a capacity reservation.', ['capacity reservation status']),
    field('Tags', 'json', 'Key-value labels applied to the resource.', ['resourceTags', 'resource tags', 'labels', 'tags', 'user tags', 'cost allocation tags']),
  ],
};

export const CLOUD_RESOURCE: OntologyEntity = {
  name: 'CloudResource',
  domain: 'finops',
  description: 'A provisioned cloud resource (virtual machine, bucket, database, …) that charges are attributed to.',
  keyFields: ['ResourceId'],
  fields: [
    field('ResourceId', 'id', 'Provider identifier of the resource (ARN, Azure resource id, GCP resource name).', [
      'resource id', 'arn', 'resource arn', 'instance id', 'InstanceId', 'id',
    ], { required: true, samples: ['arn:aws:ec2:us-east-1:111122223333:instance/i-0abc123'] }),
    field('ResourceName', 'string', 'Display name of the resource.', ['name', 'resource name', 'instance name', 'display name']),
    field('ResourceType', 'string', 'Kind of resource.', ['type', 'resource type', 'kind', 'instance type']),
    field('ServiceName', 'string', 'Service the resource belongs to.', ['service', 'product', 'product code', 'service name']),
    field('ProviderName', 'string', 'Cloud provider.', ['provider', 'cloud', 'vendor'], { samples: ['AWS', 'Azure', 'GCP'] }),
    field('SubAccountId', 'id', 'Account, subscription or project that owns the resource.', ['account id', 'owner id', 'subscription id', 'project id']),
    field('RegionId', 'string', 'Region where the resource runs.', ['region', 'location', 'region code'], { samples: ['us-east-1'] }),
    field('AvailabilityZone', 'string', 'Zone within the region.', ['zone', 'az', 'availability zone']),
    field('State', 'string', 'Lifecycle state of the resource.', ['status', 'state', 'instance state', 'provisioning state'], { samples: ['running', 'stopped'] }),
    field('CreatedAt', 'timestamp', 'When the resource was created.', ['created', 'creation date', 'launch time', 'created at', 'creation timestamp']),
    field('Tags', 'json', 'Key-value labels applied to the resource.', ['tags', 'labels', 'resource tags']),
  ],
};
