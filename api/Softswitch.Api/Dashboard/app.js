// The dashboard: asks for an API key once, keeps it in sessionStorage (gone when the tab closes) and draws the
// tenant's traffic from the /v1/reports endpoints and its balances from the ledger's /v1/reports/balance-history.
import { balanceChart, barChart, columnChart, lineChart } from './charts.js';

const KEY = 'softswitch.apiKey';
const TENANT = 'softswitch.tenant';
const HOUR = 3600 * 1000;
const $ = id => document.getElementById(id);

function setStatus(state, message) {
  const status = $('status');
  status.dataset.state = state;
  status.textContent = message;
}

async function api(path) {
  const headers = { Authorization: `Bearer ${sessionStorage.getItem(KEY)}`, Accept: 'application/json' };
  const tenant = sessionStorage.getItem(TENANT);
  if (tenant) headers['Softswitch-Tenant'] = tenant;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${path.split('?')[0]} answered ${response.status}${problem.title ? `: ${problem.title}` : ''}`);
  }
  return response.json();
}

function hours(from, to) {
  const list = [];
  for (let t = from; t < to; t += HOUR) list.push(t);
  return list;
}

function label(time, span) {
  const d = new Date(time);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  return span <= 24 ? `${hh}:00` : `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${hh}h`;
}

function byHour(rows) {
  return new Map(rows.map(r => [Date.parse(r.start), r.figures]));
}

function balancePeriod(from, to, interval) {
  if (interval === 'hour') return `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
  const day = 24 * HOUR;
  const end = Math.ceil(to / day) * day;
  return `from=${new Date(Math.floor(from / day) * day).toISOString()}&to=${new Date(end).toISOString()}`;
}

// One series per currency; an interval before the account (or any account of that currency) existed is left out.
function balanceSeries(rows, span, interval) {
  const currencies = [...new Set(rows.map(r => r.currency))];
  return currencies.map(currency => ({
    name: currency,
    points: rows.filter(r => r.currency === currency).map(r => ({
      label: interval === 'day' ? r.start.slice(5, 10) : label(Date.parse(r.start), span),
      value: r.accounts > 0 ? r.closing_balance : null,
    })),
  }));
}

async function loadAccounts() {
  const select = $('account');
  const page = await api('/v1/accounts?limit=500');
  for (const account of page.data.filter(a => a.kind === 'client')) {
    const option = document.createElement('option');
    option.value = account.id;
    option.textContent = account.name;
    select.appendChild(option);
  }
}

async function draw() {
  const span = Number($('period').value);
  const to = Math.floor(Date.now() / HOUR) * HOUR + HOUR;
  const from = to - span * HOUR;
  const period = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
  const account = $('account').value;
  setStatus('loading', 'Loading…');
  const ofAccount = account ? `&account_id=${encodeURIComponent(account)}` : '';
  // Balances hour by hour up to a week; a longer period per day keeps the chart (and the ledger reads) small.
  const interval = span > 168 ? 'day' : 'hour';
  const [hourly, refusals, destinations, spend, balances] = await Promise.all([
    api(`/v1/reports/hourly?${period}`),
    api(`/v1/reports/refusal-rules?${period}`),
    api(`/v1/reports/destinations?${period}`),
    account ? api(`/v1/reports/hourly?${period}${ofAccount}`) : null,
    api(`/v1/reports/balance-history?${balancePeriod(from, to, interval)}&interval=${interval}${ofAccount}`),
  ]);
  const times = hours(from, to);
  const traffic = byHour(hourly.data);
  const money = account ? byHour(spend.data) : traffic;
  columnChart(document.querySelector('[data-chart="calls"]'),
    times.map(t => ({ label: label(t, span), value: traffic.get(t)?.calls ?? 0 })));
  lineChart(document.querySelector('[data-chart="quality"]'), [
    { name: 'ASR %', points: times.map(t => ({ label: label(t, span), value: traffic.get(t)?.asr ?? null })) },
    { name: 'ACD s', points: times.map(t => ({ label: label(t, span), value: traffic.get(t)?.acd_seconds ?? null })) },
  ]);
  barChart(document.querySelector('[data-chart="refusals"]'),
    refusals.data.slice(0, 8).map(r => ({ label: r.refusal_rule, value: r.figures.calls })));
  barChart(document.querySelector('[data-chart="destinations"]'),
    [...destinations.data].sort((a, b) => b.figures.cost - a.figures.cost).slice(0, 8)
      .map(r => ({ label: `${r.country ?? 'unknown'} ${r.number_type}`, value: r.figures.cost })));
  columnChart(document.querySelector('[data-chart="spend"]'),
    times.map(t => ({ label: label(t, span), value: money.get(t)?.charge ?? 0 })));
  balanceChart(document.querySelector('[data-chart="balance"]'), balanceSeries(balances.data, span, interval));
  const through = hourly.counted_through ? ` (CDRs stored up to ${hourly.counted_through})` : ' (no CDRs counted yet)';
  setStatus('ready', `${new Date(from).toISOString()} to ${new Date(to).toISOString()}${through}`);
}

async function show() {
  $('key-form').hidden = true;
  $('controls').hidden = false;
  $('charts').hidden = false;
  try {
    await loadAccounts();
    await draw();
  } catch (error) {
    setStatus('error', error.message);
  }
}

function start() {
  $('key-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('key').value.trim());
    const tenant = $('tenant').value.trim();
    if (tenant) sessionStorage.setItem(TENANT, tenant); else sessionStorage.removeItem(TENANT);
    $('key').value = '';
    show();
  });
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(TENANT);
    location.reload();
  });
  for (const id of ['period', 'account']) {
    $(id).addEventListener('change', () => draw().catch(error => setStatus('error', error.message)));
  }
  if (sessionStorage.getItem(KEY)) show(); else $('key-form').hidden = false;
}

start();
