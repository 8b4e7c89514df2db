/** The schema owner's DataSource: migrations and cross-tenant system loops only. */
export const OWNER_DATA_SOURCE = 'owner';
