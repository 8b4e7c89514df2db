import type { Domain } from '@autonomos/ontology';

/**
 * The one place the DCL's analytics are declared, as DuckDB SQL.
 *
 * A canonical table reads the ontology fields it names from the tenant's entity rows (loaded
 * as text into a table called `raw`, one VARCHAR column per field) and types them. Money is
 * DECIMAL(38, 10), never DOUBLE, so sums stay exact to the cent. Views read canonical tables
 * only; their result columns are whatever their SELECT says.
 */
export interface CanonicalTable {
  name: string;
  entity: string;
  fields: readonly string[];
  sql: string;
}

export interface ViewDefinition {
  name: string;
  domain: Domain;
  description: string;
  /** Canonical tables the SQL reads. */
  reads: readonly string[];
  sql: string;
}

/**
 * Text → DECIMAL(38, 10). Casting text to a 128-bit decimal is ~100× slower here than to a
 * 64-bit one, so values that fit DECIMAL(18, 10) take that path and only larger ones the wide cast.
 */
const money = (field: string) => `coalesce(CAST(TRY_CAST("${field}" AS DECIMAL(18, 10)) AS DECIMAL(38, 10)), TRY_CAST("${field}" AS DECIMAL(38, 10)))`;
const month = (expr: string) => `strftime(${expr} AT TIME ZONE 'UTC', '%Y-%m')`;
const CLOSED_STAGES = `('closed won', 'closed lost', 'closedwon', 'closedlost')`;
const WON_STAGES = `('closed won', 'closedwon')`;
const bool = (field: string) => `TRY_CAST("${field}" AS BOOLEAN)`;

export const CANONICAL_TABLES: readonly CanonicalTable[] = [
  {
    name: 'cost_line_items',
    entity: 'CostLineItem',
    fields: ['BilledCost', 'EffectiveCost', 'ChargePeriodStart', 'BillingPeriodStart', 'ServiceName', 'ResourceId', 'SubAccountId', 'RegionId', 'BillingCurrency', 'ChargeCategory'],
    sql: `SELECT connection_id, record_key,
        ${money('BilledCost')} AS billed_cost,
        ${money('EffectiveCost')} AS effective_cost,
        ${month(`TRY_CAST(coalesce("ChargePeriodStart", "BillingPeriodStart") AS TIMESTAMPTZ)`)} AS month,
        "ServiceName" AS service_name, "ResourceId" AS resource_id, "SubAccountId" AS sub_account_id,
        "RegionId" AS region_id, "BillingCurrency" AS currency, "ChargeCategory" AS charge_category
      FROM raw`,
  },
  {
    name: 'cloud_resources',
    entity: 'CloudResource',
    fields: ['ResourceId', 'ResourceName', 'ResourceType', 'ServiceName', 'RegionId', 'SubAccountId', 'State'],
    sql: `SELECT connection_id, record_key, "ResourceId" AS resource_id, "ResourceName" AS resource_name, "ResourceType" AS resource_type,
        "ServiceName" AS service_name, "RegionId" AS region_id, "SubAccountId" AS sub_account_id, "State" AS state
      FROM raw`,
  },
  {
    name: 'opportunities',
    entity: 'Opportunity',
    fields: ['OpportunityId', 'Name', 'AccountId', 'Amount', 'CurrencyCode', 'StageName', 'CloseDate', 'IsClosed', 'IsWon', 'OwnerId', 'UpdatedAt'],
    sql: `SELECT connection_id, record_key, "OpportunityId" AS opportunity_id, "Name" AS name, "AccountId" AS account_id,
        ${money('Amount')} AS amount, "CurrencyCode" AS currency, "StageName" AS stage_name,
        TRY_CAST(TRY_CAST("CloseDate" AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) AS close_date,
        -- HubSpot has no closed/won flags: its stage says it.
        coalesce(${bool('IsClosed')}, lower("StageName") IN ${CLOSED_STAGES}) AS is_closed,
        coalesce(${bool('IsWon')}, lower("StageName") IN ${WON_STAGES}) AS is_won,
        "OwnerId" AS owner_id, TRY_CAST("UpdatedAt" AS TIMESTAMPTZ) AS updated_at
      FROM raw`,
  },
  {
    name: 'accounts',
    entity: 'Account',
    fields: ['AccountId', 'Name', 'Industry', 'OwnerId'],
    sql: `SELECT connection_id, record_key, "AccountId" AS account_id, "Name" AS name, "Industry" AS industry, "OwnerId" AS owner_id FROM raw`,
  },
];

export const VIEWS: readonly ViewDefinition[] = [
  {
    name: 'cost_by_service_month',
    domain: 'finops',
    description: 'Billed and effective cost per service, month and currency.',
    reads: ['cost_line_items'],
    sql: `SELECT month, service_name, currency, sum(billed_cost) AS billed_cost, sum(effective_cost) AS effective_cost, count(*) AS line_items
      FROM cost_line_items GROUP BY month, service_name, currency ORDER BY month, service_name, currency`,
  },
  {
    name: 'resources_with_cost',
    domain: 'finops',
    description: 'Every resource known from an inventory or a bill, with its total billed cost.',
    reads: ['cost_line_items', 'cloud_resources'],
    sql: `WITH cost AS (
        SELECT resource_id, any_value(service_name) AS service_name, sum(billed_cost) AS billed_cost, count(*) AS line_items, max(month) AS last_month
        FROM cost_line_items WHERE resource_id IS NOT NULL GROUP BY resource_id),
      inventory AS (SELECT resource_id, any_value(resource_name) AS resource_name, any_value(resource_type) AS resource_type,
        any_value(service_name) AS service_name, any_value(region_id) AS region_id, any_value(state) AS state
        FROM cloud_resources WHERE resource_id IS NOT NULL GROUP BY resource_id)
      SELECT resource_id, i.resource_name, i.resource_type, coalesce(i.service_name, c.service_name) AS service_name, i.region_id, i.state,
        coalesce(c.billed_cost, 0) AS billed_cost, coalesce(c.line_items, 0) AS line_items, c.last_month, i.resource_id IS NOT NULL AS in_inventory
      FROM inventory i FULL OUTER JOIN cost c USING (resource_id) ORDER BY billed_cost DESC, resource_id`,
  },
  {
    name: 'cost_anomalies',
    domain: 'finops',
    description: 'Services whose monthly billed cost jumped by 50% or more over the previous month with data.',
    reads: ['cost_line_items'],
    sql: `WITH monthly AS (SELECT service_name, month, sum(billed_cost) AS billed_cost FROM cost_line_items WHERE month IS NOT NULL GROUP BY service_name, month),
      paired AS (SELECT *, lag(month) OVER w AS previous_month, lag(billed_cost) OVER w AS previous_cost FROM monthly WINDOW w AS (PARTITION BY service_name ORDER BY month))
      SELECT service_name, month, previous_month, previous_cost, billed_cost, billed_cost - previous_cost AS change,
        round(CAST((billed_cost - previous_cost) / previous_cost * 100 AS DOUBLE), 2) AS change_pct
      FROM paired WHERE previous_cost > 0 AND billed_cost >= previous_cost * 1.5 ORDER BY month, change DESC`,
  },
  {
    name: 'pipeline_by_stage',
    domain: 'revops',
    description: 'Opportunities and amount per sales stage.',
    reads: ['opportunities'],
    sql: `SELECT stage_name, bool_and(is_closed) AS is_closed, count(*) AS opportunities, sum(amount) AS amount
      FROM opportunities GROUP BY stage_name ORDER BY stage_name`,
  },
  {
    name: 'accounts_with_open_pipeline',
    domain: 'revops',
    description: 'Accounts with open opportunities: how many, how much, and the next close date.',
    reads: ['opportunities', 'accounts'],
    sql: `SELECT o.account_id, any_value(a.name) AS account_name, any_value(a.industry) AS industry, count(*) AS open_opportunities,
        sum(o.amount) AS open_amount, min(o.close_date) AS next_close_date
      FROM opportunities o LEFT JOIN accounts a ON a.account_id = o.account_id
      WHERE NOT o.is_closed AND o.account_id IS NOT NULL GROUP BY o.account_id ORDER BY open_amount DESC NULLS LAST, o.account_id`,
  },
  {
    name: 'win_rate_by_owner',
    domain: 'revops',
    description: 'Closed, won and win rate per opportunity owner.',
    reads: ['opportunities'],
    sql: `SELECT owner_id, count(*) FILTER (WHERE is_closed) AS closed, count(*) FILTER (WHERE is_won) AS won,
        round(count(*) FILTER (WHERE is_won) / nullif(count(*) FILTER (WHERE is_closed), 0), 4) AS win_rate,
        coalesce(sum(amount) FILTER (WHERE is_won), 0) AS won_amount
      FROM opportunities WHERE owner_id IS NOT NULL GROUP BY owner_id ORDER BY owner_id`,
  },
  {
    name: 'stalled_opportunities',
    domain: 'revops',
    description: 'Open opportunities whose close date has passed.',
    reads: ['opportunities'],
    sql: `SELECT opportunity_id, name, account_id, owner_id, stage_name, amount, close_date
      FROM opportunities WHERE NOT is_closed AND close_date < current_date ORDER BY close_date, opportunity_id`,
  },
];

export function getView(name: string): ViewDefinition | undefined {
  return VIEWS.find((view) => view.name === name);
}

export function getCanonicalTable(name: string): CanonicalTable {
  const table = CANONICAL_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no canonical table ${name}`);
  return table;
}

/** Views that read an ontology field (through a canonical table that loads it). */
export function viewsUsingField(entity: string, field: string): ViewDefinition[] {
  const tables = CANONICAL_TABLES.filter((t) => t.entity === entity && t.fields.includes(field)).map((t) => t.name);
  return VIEWS.filter((view) => view.reads.some((name) => tables.includes(name)));
}
