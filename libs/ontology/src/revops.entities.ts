import { field } from './field';
import { OntologyEntity } from './ontology.types';

// Standard CRM objects. Synonyms are the field names Salesforce, HubSpot and Dynamics 365 use.
export const ACCOUNT: OntologyEntity = {
  name: 'Account',
  domain: 'revops',
  description: 'A company or organisation the business sells to (Salesforce Account, HubSpot Company, Dynamics account).',
  keyFields: ['AccountId'],
  fields: [
    field('AccountId', 'id', 'Identifier of the account in the source CRM.', ['Id', 'hs_object_id', 'accountid', 'company id', 'account id'], { required: true }),
    field('Name', 'string', 'Company name.', ['Name', 'name', 'company name', 'account name', 'organization name'], { required: true, samples: ['Acme Inc.'] }),
    field('Industry', 'string', 'Industry the company works in.', ['Industry', 'industry', 'industrycode', 'sector', 'vertical'], { samples: ['Technology'] }),
    field('AnnualRevenue', 'money', 'Yearly revenue of the company.', ['AnnualRevenue', 'annualrevenue', 'revenue', 'annual revenue', 'yearly revenue']),
    field('NumberOfEmployees', 'integer', 'Head count.', ['NumberOfEmployees', 'numberofemployees', 'employees', 'headcount', 'employee count', 'company size']),
    field('Website', 'url', 'Company web site.', ['Website', 'websiteurl', 'domain', 'web site', 'url'], { samples: ['https://www.acme.example'] }),
    field('Phone', 'phone', 'Main phone number.', ['Phone', 'telephone1', 'phone number', 'main phone']),
    field('BillingCountry', 'string', 'Country of the billing address.', ['BillingCountry', 'country', 'address1_country', 'billing country'], { samples: ['United States'] }),
    field('BillingCity', 'string', 'City of the billing address.', ['BillingCity', 'city', 'address1_city', 'billing city']),
    field('OwnerId', 'id', 'User who owns the account.', ['OwnerId', 'hubspot_owner_id', 'ownerid', 'account owner', 'owner']),
    field('CreatedAt', 'timestamp', 'When the record was created.', ['CreatedDate', 'createdate', 'createdon', 'created at', 'creation date']),
    field('UpdatedAt', 'timestamp', 'When the record was last modified.', ['SystemModstamp', 'LastModifiedDate', 'hs_lastmodifieddate', 'modifiedon', 'updated at', 'last modified']),
  ],
};

export const CONTACT: OntologyEntity = {
  name: 'Contact',
  domain: 'revops',
  description: 'A person at an account (Salesforce/HubSpot/Dynamics contact).',
  keyFields: ['ContactId'],
  fields: [
    field('ContactId', 'id', 'Identifier of the contact in the source CRM.', ['Id', 'hs_object_id', 'contactid', 'contact id'], { required: true }),
    field('FirstName', 'string', 'Given name.', ['FirstName', 'firstname', 'given name', 'first name', 'forename']),
    field('LastName', 'string', 'Family name.', ['LastName', 'lastname', 'surname', 'family name', 'last name'], { required: true }),
    field('Email', 'email', 'Primary e-mail address.', ['Email', 'email', 'emailaddress1', 'e-mail', 'email address', 'mail'], { samples: ['jane@acme.example'] }),
    field('Phone', 'phone', 'Primary phone number.', ['Phone', 'phone', 'telephone1', 'MobilePhone', 'mobile', 'phone number']),
    field('Title', 'string', 'Job title.', ['Title', 'jobtitle', 'job title', 'position', 'role']),
    field('AccountId', 'id', 'Account the contact works for.', ['AccountId', 'associatedcompanyid', 'parentcustomerid', 'company id', 'account']),
    field('OwnerId', 'id', 'User who owns the contact.', ['OwnerId', 'hubspot_owner_id', 'ownerid', 'contact owner']),
    field('LeadSource', 'string', 'Where the contact came from.', ['LeadSource', 'hs_analytics_source', 'leadsourcecode', 'source', 'original source']),
    field('CreatedAt', 'timestamp', 'When the record was created.', ['CreatedDate', 'createdate', 'createdon', 'created at']),
    field('UpdatedAt', 'timestamp', 'When the record was last modified.', ['SystemModstamp', 'LastModifiedDate', 'lastmodifieddate', 'modifiedon', 'updated at']),
  ],
};

export const OPPORTUNITY: OntologyEntity = {
  name: 'Opportunity',
  domain: 'revops',
  description: 'A potential sale to an account (Salesforce Opportunity, HubSpot Deal, Dynamics opportunity).',
  keyFields: ['OpportunityId'],
  fields: [
    field('OpportunityId', 'id', 'Identifier of the opportunity in the source CRM.', ['Id', 'hs_object_id', 'opportunityid', 'deal id', 'opportunity id'], { required: true }),
    field('Name', 'string', 'Name of the opportunity.', ['Name', 'dealname', 'deal name', 'opportunity name', 'topic'], { required: true, samples: ['Acme Inc. — Renewal'] }),
    field('AccountId', 'id', 'Account the opportunity is with.', ['AccountId', 'associatedcompanyid', 'parentaccountid', 'customerid', 'company id']),
    field('Amount', 'money', 'Expected deal value.', ['Amount', 'amount', 'estimatedvalue', 'deal value', 'deal amount', 'value', 'revenue'], { samples: ['151000'] }),
    field('CurrencyCode', 'currency_code', 'Currency of the amount (ISO 4217).', ['CurrencyIsoCode', 'deal_currency_code', 'transactioncurrencyid', 'currency'], { samples: ['USD'] }),
    field('StageName', 'string', 'Sales stage.', ['StageName', 'dealstage', 'stepname', 'salesstage', 'stage', 'deal stage'], { samples: ['Prospecting', 'Qualification', 'Closed Won'] }),
    field('Pipeline', 'string', 'Sales pipeline the deal is in.', ['pipeline', 'sales process', 'RecordType']),
    field('Probability', 'decimal', 'Chance of winning, in percent.', ['Probability', 'hs_deal_stage_probability', 'closeprobability', 'win probability']),
    field('CloseDate', 'date', 'Expected or actual close date.', ['CloseDate', 'closedate', 'estimatedclosedate', 'actualclosedate', 'close date', 'expected close']),
    field('IsClosed', 'boolean', 'Whether the opportunity is closed.', ['IsClosed', 'hs_is_closed', 'closed']),
    field('IsWon', 'boolean', 'Whether the opportunity was won.', ['IsWon', 'hs_is_closed_won', 'won']),
    field('OwnerId', 'id', 'User who owns the opportunity.', ['OwnerId', 'hubspot_owner_id', 'ownerid', 'deal owner', 'owner']),
    field('CreatedAt', 'timestamp', 'When the record was created.', ['CreatedDate', 'createdate', 'createdon', 'created at']),
    field('UpdatedAt', 'timestamp', 'When the record was last modified.', ['SystemModstamp', 'LastModifiedDate', 'hs_lastmodifieddate', 'modifiedon', 'updated at']),
  ],
};

export const LEAD: OntologyEntity = {
  name: 'Lead',
  domain: 'revops',
  description: 'An unqualified prospect (Salesforce Lead, HubSpot contact in lead stage, Dynamics lead).',
  keyFields: ['LeadId'],
  fields: [
    field('LeadId', 'id', 'Identifier of the lead in the source CRM.', ['Id', 'hs_object_id', 'leadid', 'lead id'], { required: true }),
    field('FirstName', 'string', 'Given name.', ['FirstName', 'firstname', 'first name']),
    field('LastName', 'string', 'Family name.', ['LastName', 'lastname', 'surname', 'last name'], { required: true }),
    field('Email', 'email', 'E-mail address.', ['Email', 'email', 'emailaddress1', 'email address']),
    field('Phone', 'phone', 'Phone number.', ['Phone', 'telephone1', 'mobilephone', 'phone number']),
    field('Company', 'string', 'Company the lead works for.', ['Company', 'company', 'companyname', 'organization', 'account name'], { required: true }),
    field('Title', 'string', 'Job title.', ['Title', 'jobtitle', 'job title']),
    field('Status', 'string', 'Qualification status.', ['Status', 'hs_lead_status', 'statuscode', 'lead status'], { samples: ['Open', 'Working', 'Qualified'] }),
    field('LeadSource', 'string', 'Where the lead came from.', ['LeadSource', 'hs_analytics_source', 'leadsourcecode', 'source']),
    field('Rating', 'string', 'Hot, warm or cold.', ['Rating', 'leadqualitycode', 'lead score', 'hubspotscore']),
    field('OwnerId', 'id', 'User who owns the lead.', ['OwnerId', 'hubspot_owner_id', 'ownerid', 'lead owner']),
    field('CreatedAt', 'timestamp', 'When the record was created.', ['CreatedDate', 'createdate', 'createdon', 'created at']),
  ],
};
