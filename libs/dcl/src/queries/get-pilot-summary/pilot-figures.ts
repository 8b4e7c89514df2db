import Decimal from 'decimal.js';

type Row = Record<string, unknown>;
const dec = (value: unknown) => new Decimal(typeof value === 'string' || typeof value === 'number' ? value : 0);
const text = (value: Decimal) => value.toFixed();
const pct = (change: Decimal, base: Decimal) => (base.isZero() ? null : Number(change.div(base).times(100).toFixed(2)));

/** Top cost drivers of the latest month, its change over the previous month, and the anomalies. */
export function finopsFigures(byServiceMonth: Row[], anomalies: Row[]) {
  const months = [...new Set(byServiceMonth.map((r) => r.month as string | null).filter((m): m is string => !!m))].sort();
  const [previous, latest] = [months.at(-2) ?? null, months.at(-1) ?? null];
  const total = (month: string | null) => byServiceMonth.filter((r) => r.month === month).reduce((sum, r) => sum.plus(dec(r.billed_cost)), new Decimal(0));
  const latestTotal = total(latest);
  const previousTotal = total(previous);
  const drivers = new Map<string, Decimal>();
  for (const r of byServiceMonth.filter((r) => r.month === latest)) drivers.set(String(r.service_name), (drivers.get(String(r.service_name)) ?? new Decimal(0)).plus(dec(r.billed_cost)));
  return {
    latestMonth: latest,
    previousMonth: previous,
    topCostDrivers: [...drivers.entries()]
      .sort(([, a], [, b]) => b.comparedTo(a))
      .slice(0, 5)
      .map(([service, cost]) => ({ service, billedCost: text(cost), sharePct: pct(cost, latestTotal) })),
    monthOverMonth: {
      billedCost: text(latestTotal),
      previousBilledCost: previous ? text(previousTotal) : null,
      change: previous ? text(latestTotal.minus(previousTotal)) : null,
      changePct: previous ? pct(latestTotal.minus(previousTotal), previousTotal) : null,
    },
    anomalies: anomalies.slice(-10),
  };
}

/** Pipeline by stage, win rate (overall and per owner), stalled deals. */
export function revopsFigures(byStage: Row[], byOwner: Row[], stalled: Row[]) {
  const closed = byOwner.reduce((n, r) => n + Number(r.closed ?? 0), 0);
  const won = byOwner.reduce((n, r) => n + Number(r.won ?? 0), 0);
  const open = byStage.filter((r) => r.is_closed !== true);
  return {
    pipelineByStage: byStage,
    openPipeline: { opportunities: open.reduce((n, r) => n + Number(r.opportunities ?? 0), 0), amount: text(open.reduce((sum, r) => sum.plus(dec(r.amount)), new Decimal(0))) },
    winRate: { closed, won, rate: closed ? Number((won / closed).toFixed(4)) : null, byOwner },
    stalledDeals: { count: stalled.length, top: stalled.slice(0, 10) },
  };
}

export function finopsTemplate(f: ReturnType<typeof finopsFigures>): string {
  if (!f.latestMonth) return 'No cost data has been refreshed yet.';
  const top = f.topCostDrivers[0];
  const change = f.monthOverMonth.changePct === null ? '' : `, ${f.monthOverMonth.changePct >= 0 ? 'up' : 'down'} ${Math.abs(f.monthOverMonth.changePct)}% on ${f.previousMonth}`;
  return `Billed cost in ${f.latestMonth} was ${f.monthOverMonth.billedCost}${change}. ${top ? `${top.service} is the top driver (${top.billedCost}). ` : ''}${f.anomalies.length} month-over-month jump(s) flagged.`;
}

export function revopsTemplate(f: ReturnType<typeof revopsFigures>): string {
  const rate = f.winRate.rate === null ? 'no closed deals yet' : `a ${(f.winRate.rate * 100).toFixed(1)}% win rate (${f.winRate.won} of ${f.winRate.closed})`;
  return `Open pipeline is ${f.openPipeline.amount} across ${f.openPipeline.opportunities} opportunities, with ${rate}. ${f.stalledDeals.count} open deal(s) are past their close date.`;
}
