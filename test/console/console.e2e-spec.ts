// The admin console in a real browser (Debian's Chromium driven by playwright-core) against the real api (serving
// the built console at /console/), worker, PostgreSQL and Redis. `make test` builds the console first.
import { getConnection, getRepairPolicy, getSlackSettings, listMappings, listReviewItems } from '@autonomos/sdk';
import { sharedPath } from '@autonomos/testing';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { FakeSlack, startFakeSlack } from '../support/fake-slack';
import { newTenant, newUser, PASSWORD, TenantFixture } from '../support/factories';
import { expectEventually, Stack, startStack } from '../support/stack';

jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'console');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const V1_FIELDS = [
  { source: 'period_start', target: 'BillingPeriodStart' },
  { source: 'period_end', target: 'BillingPeriodEnd' },
  { source: 'service', target: 'ServiceName' },
  { source: 'account_id', target: 'SubAccountId' },
  { source: 'amount', target: 'BilledCost' },
  { source: 'currency', target: 'BillingCurrency' },
];

describe('admin console (browser)', () => {
  let stack: Stack;
  let slackServer: FakeSlack;
  let acme: TenantFixture;
  let reviewer: { email: string };
  let viewer: { email: string };
  let browser: BrowserContext;
  let profile: string;
  let connectionId: string;
  let itemId: string;

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  /** A new tab (sessionStorage is per tab, so each tab is its own session). */
  const signIn = async (email: string): Promise<Page> => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${stack.baseUrl}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('tenant-name').waitFor();
    return page;
  };
  const go = async (page: Page, route: string) => {
    await page.evaluate((r) => (window.location.hash = r), route);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack();
    slackServer = await startFakeSlack();
    acme = await newTenant(stack.baseUrl, 'Acme Console');
    reviewer = await newUser(stack.baseUrl, acme, 'reviewer');
    viewer = await newUser(stack.baseUrl, acme, 'viewer');
    profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await stack?.close();
    await slackServer?.close();
  });

  it('signs in, shows the tenant and role, and refuses a wrong password with the API problem', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.baseUrl}/console/`);
    await page.getByLabel('Email').fill(acme.email);
    await page.getByLabel('Password').fill('wrong password!!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('tenant-name').textContent()).resolves.toBe('Acme Console');
    await expect(page.getByTestId('role').textContent()).resolves.toBe('admin');
    await page.getByText('Open drift').waitFor();
    await shot(page, 'dashboard');

    // Settings (admin): renames apply themselves when confident; the money transform goes to a reviewer (as in hitl-flow).
    await go(page, '#/settings');
    const policy = page.getByRole('form', { name: 'Repair policy' });
    await policy.getByLabel('Auto-apply threshold').fill('0.9');
    await policy.getByLabel('Breaking changes always need review').uncheck();
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await page.getByRole('status').filter({ hasText: 'Repair policy saved' }).waitFor();
    await expect(getRepairPolicy({ client: acme.client }).then((r) => r.data)).resolves.toMatchObject({ autoApplyThreshold: 0.9, breakingNeedsReview: false });
    // The Slack webhook is write-only: saved, never shown back, testable, removable.
    const slack = page.getByRole('form', { name: 'Slack webhook' });
    await slack.getByLabel('Webhook URL').fill(slackServer.url);
    await slack.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByTestId('slack-status').getByText('configured', { exact: true }).waitFor();
    await expect(slack.getByLabel('Webhook URL').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain('secret-token');
    await slack.getByRole('button', { name: 'Send test message' }).click();
    await page.getByRole('status').filter({ hasText: 'Test message queued' }).waitFor();
    await expectEventually(async () => slackServer.received.find((m) => m.text.includes('AutonomOS test message')));
    await shot(page, 'settings');
    await slack.getByRole('button', { name: 'Remove webhook' }).click();
    await page.getByTestId('slack-status').getByText('not configured').waitFor();
    await expect(getSlackSettings({ client: acme.client }).then((r) => r.data?.configured)).resolves.toBe(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('creates a FileSource connection, uploads the sample and the drifted file, and shows the drift diff', async () => {
    const page = await signIn(acme.email);
    await go(page, '#/connections');
    const form = page.getByRole('form', { name: 'New connection' });
    await form.getByLabel('Name').fill('costs');
    await form.getByLabel('Key columns').fill('report_id');
    await form.getByLabel('Contract stream').fill('cost_reports');
    await form.getByLabel('On drift').selectOption('discard_row');
    await form.getByRole('button', { name: 'Create connection' }).click();
    await page.waitForURL(/#\/connections\/[0-9a-f-]{36}$/);
    connectionId = page.url().split('/').pop()!;

    const upload = page.getByRole('form', { name: 'Upload a CSV file' });
    await upload.getByLabel('CSV file').setInputFiles(sharedPath('data', 'filesource', 'cost_reports.csv'));
    await upload.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: '"written":5' }).waitFor();
    await page.getByRole('heading', { name: /cost_reports/ }).waitFor();

    // The stream's first mapping, in the mapping editor (PUT /mappings).
    await page.getByRole('button', { name: 'Set mapping' }).click();
    const editor = page.getByRole('form', { name: 'Mapping of cost_reports' });
    await editor.getByLabel('Entity').selectOption('CostLineItem');
    // The matcher suggests targets from the column names and the profile's sample values; a person checks them.
    await editor.getByRole('button', { name: 'Suggest targets' }).click();
    await page.getByRole('status').filter({ hasText: 'unmapped column(s) suggested' }).waitFor();
    await expect(editor.getByLabel('Target of service', { exact: true }).inputValue()).resolves.toBe('ServiceName');
    await expect(editor.getByLabel('Target of amount', { exact: true }).inputValue()).resolves.toBe('BilledCost');
    await editor.getByTestId('suggested-service').filter({ hasText: /\d+% confident/ }).waitFor();
    await editor.getByLabel('Target of report_id', { exact: true }).selectOption(''); // the sample's v1 leaves the key unmapped
    for (const { source, target } of V1_FIELDS) await editor.getByLabel(`Target of ${source}`, { exact: true }).selectOption(target);
    // A transform that fails on the stream's sample values: the API's problem is shown next to that column.
    await editor.getByLabel('Transform of period_start', { exact: true }).selectOption('to_integer');
    await editor.getByRole('button', { name: 'Save mapping' }).click();
    const periodRow = editor.getByRole('row').filter({ hasText: 'period_start' });
    await periodRow.getByRole('alert').filter({ hasText: 'fails on the sample value' }).waitFor();
    await shot(page, 'mapping-editor');
    await editor.getByLabel('Transform of period_start', { exact: true }).selectOption('');
    await editor.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByRole('status').filter({ hasText: 'Mapping saved (v1)' }).waitFor();
    const [v1] = (await listMappings({ client: acme.client, query: { connectionId } })).data!;
    expect(v1).toMatchObject({ stream: 'cost_reports', entity: 'CostLineItem', version: 1 });
    expect(v1.fields.map((f) => ({ source: f.source, target: f.target })).sort((a, b) => a.source.localeCompare(b.source))).toEqual([...V1_FIELDS].sort((a, b) => a.source.localeCompare(b.source)));

    await upload.getByLabel('CSV file').setInputFiles(sharedPath('data', 'filesource', 'cost_reports_drifted.csv'));
    await upload.getByLabel('Stream').fill('cost_reports');
    await upload.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: '"quarantined":5' }).waitFor();
    // The contract held the drifted rows back; the stream's schema history (side-by-side versions) is still v1's.
    await page.getByRole('table', { name: 'Schema diff' }).getByText('amount', { exact: false }).first().waitFor();
    await shot(page, 'connection');

    // An operator's drift scan raises the drift; its typed diff is on the drift page.
    await go(page, '#/drift');
    await page.getByRole('button', { name: 'Scan costs' }).click();
    await page.getByRole('status').filter({ hasText: 'Drift scan started' }).waitFor();
    await expectEventually(async () => {
      await go(page, '#/dashboard-refresh');
      await go(page, '#/drift');
      return (await page.getByRole('link', { name: 'cost_reports' }).count()) > 0 ? true : undefined;
    }, 60_000, 1000);
    await shot(page, 'drift');
    await page.getByRole('link', { name: 'cost_reports' }).first().click();
    const diff = page.getByRole('table', { name: 'Drift diff' });
    await diff.waitFor();
    await expect(diff.textContent()).resolves.toMatch(/column_renamed|column_added|column_removed/);
    await expect(diff.textContent()).resolves.toContain('cost_usd');
    await shot(page, 'drift-diff');
    await page.close();
  });

  it('lets a viewer read a review item but not decide it', async () => {
    itemId = await expectEventually(async () => (await listReviewItems({ client: acme.client, query: { status: 'pending', kind: 'mapping' } })).data!.items[0]?.id, 60_000, 250);
    // Slack's link form (<CONSOLE_URL>/hitl/items/<id>) opens the item, after signing in.
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${stack.baseUrl}/console/hitl/items/${itemId}`);
    await page.waitForURL(`${stack.baseUrl}/console/#/hitl/${itemId}`);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('role').textContent()).resolves.toBe('viewer');
    await page.getByRole('table', { name: 'Drift diff' }).waitFor();
    await page.getByTestId('no-decide').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await page.keyboard.press('a'); // the shortcut does nothing either
    await page.waitForTimeout(300);
    expect((await listReviewItems({ client: acme.client, query: { status: 'pending' } })).data!.items.map((i) => i.id)).toContain(itemId);
    expect(await page.getByRole('link', { name: 'Users & API keys' }).count()).toBe(0);
    await page.close();
  });

  it('lets a reviewer open the item, see the diff, proposals and sample rows, approve it, and the mapping updates', async () => {
    const page = await signIn(reviewer.email);
    await go(page, '#/hitl');
    await page.getByRole('link', { name: /mapping change/ }).first().waitFor();
    await shot(page, 'hitl-queue');
    await page.keyboard.press('Enter'); // the first item is selected; Enter opens it
    await page.waitForURL(new RegExp(`#/hitl/${itemId}$`));
    await page.getByRole('table', { name: 'Drift diff' }).waitFor();
    await page.getByRole('table', { name: 'Proposed mapping changes' }).getByText('cost_usd').waitFor();
    await expect(page.getByRole('table', { name: 'Sample rows' }).textContent()).resolves.toContain('$51,130.46');
    await page.getByText('Proposals and evidence').waitFor();
    await shot(page, 'hitl-item');
    await page.getByLabel('Reason').fill('money is money');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').filter({ hasText: 'Item approved' }).waitFor();

    // The mapping moves to the reviewed version with the money transform.
    await go(page, '#/mappings');
    await expectEventually(async () => {
      await page.reload();
      const text = (await page.getByTestId('mapping-fields').first().textContent({ timeout: 5000 })) ?? '';
      return text.includes('money_to_decimal') ? true : undefined;
    }, 60_000, 1000);
    await expect(page.getByRole('heading', { name: /cost_reports → CostLineItem/ }).textContent()).resolves.toContain('v3');
    await shot(page, 'mappings');
    await page.close();
  });

  it('shows every main screen from the API, with screenshots', async () => {
    const page = await signIn(acme.email);
    // The view page refreshes the view (a dcl.refresh task) and shows the repaired row: 51130.46 from "$51,130.46".
    await go(page, '#/views/cost_by_service_month');
    await expectEventually(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(1000);
      return (await page.getByRole('table', { name: 'Rows of cost_by_service_month' }).getByText('51130.46').count()) > 0 ? true : undefined;
    }, 60_000, 1000);
    await shot(page, 'view-rows');
    const screens: Array<[string, string, string]> = [
      ['#/', 'Dashboard', 'dashboard-live'],
      ['#/views', 'Views', 'views'],
      ['#/lineage', 'Lineage', 'lineage'],
      ['#/live', 'Live flow', 'live-flow'],
      ['#/control', 'Control center', 'control-center'],
      ['#/architecture', 'Architecture', 'architecture'],
      ['#/ontology', 'Ontology', 'ontology'],
      ['#/tasks', 'Tasks', 'tasks'],
      ['#/audit', 'Audit log', 'audit'],
      ['#/schedules', 'Schedules', 'schedules'],
      ['#/users', 'Users and API keys', 'users'],
      ['#/settings', 'Settings', 'settings-screen'],
    ];
    for (const [route, heading, name] of screens) {
      await go(page, route);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForFunction(() => !document.body.innerText.includes('Loading…'), undefined, { timeout: 15_000 });
      expect(await page.getByRole('alert').count()).toBe(0);
      await shot(page, name);
    }
    // A few facts that come from the API, not from the console.
    await go(page, '#/audit');
    await page.getByText('review.approved').first().waitFor();
    await go(page, '#/ontology');
    await page.getByText('CostLineItem').first().waitFor();
    await go(page, '#/lineage');
    await page.locator('.react-flow__node').first().waitFor();
    // The mapping editor opens on the reviewed mapping, its money transform included.
    await go(page, '#/mappings');
    await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
    const editor = page.getByRole('form', { name: 'Mapping of cost_reports' });
    await expect(editor.getByLabel('Entity').inputValue()).resolves.toBe('CostLineItem');
    const transforms = await editor.locator('select[aria-label^="Transform of"]').evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
    expect(transforms).toContain('money_to_decimal');
    await shot(page, 'mappings-edit');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    // Dark theme and a tablet width.
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await page.setViewportSize({ width: 820, height: 1100 });
    await go(page, '#/');
    await page.getByText('Open drift').waitFor();
    await shot(page, 'dashboard-dark-tablet');
    await page.close();
  });

  it('creates postgres, salesforce and mongodb connections with the fields their connectors take', async () => {
    const page = await signIn(acme.email);
    const cases: Array<{ kind: string; name: string; fill: Record<string, string>; expected: Record<string, unknown> }> = [
      { kind: 'postgres', name: 'warehouse', fill: { Host: 'db.example.internal', 'Port (default 5432)': '6543', Database: 'finance', 'Schemas (comma-separated, default public)': 'public, billing', User: 'reader', Password: 'secret' },
        expected: { host: 'db.example.internal', port: 6543, database: 'finance', schemas: ['public', 'billing'] } },
      { kind: 'salesforce', name: 'crm', fill: { 'Objects (comma-separated, default all)': 'Account, Opportunity', 'Instance URL': 'https://acme.my.salesforce.com', 'Access token': 'token' },
        expected: { objects: ['Account', 'Opportunity'] } },
      { kind: 'mongodb', name: 'events-db', fill: { Database: 'events', 'Collections (comma-separated, default all)': 'orders', 'Documents sampled for the schema (default 200)': '50', 'Connection URI (mongodb://…)': 'mongodb://user:pw@mongo.example.internal:27017' },
        expected: { database: 'events', collections: ['orders'], sampleSize: 50 } },
    ];
    for (const c of cases) {
      await go(page, '#/connections');
      const form = page.getByRole('form', { name: 'New connection' });
      await form.getByLabel('Kind').selectOption(c.kind);
      await form.getByLabel('Name').fill(c.name);
      for (const [label, value] of Object.entries(c.fill)) await form.getByLabel(label).fill(value);
      await form.getByRole('button', { name: 'Create connection' }).click();
      await page.waitForURL(/#\/connections\/[0-9a-f-]{36}$/);
      const id = page.url().split('/').pop()!;
      await page.getByRole('heading', { name: new RegExp(c.name) }).waitFor();
      await shot(page, `connection-${c.kind}`);
      const created = (await getConnection({ client: acme.client, path: { id } })).data;
      expect(created).toMatchObject({ kind: c.kind, name: c.name, config: c.expected, hasCredentials: true });
    }
    await page.close();
  });
});
