/**
 * The Practice page's HTML: this week and this month against the goals, the streak, recent weeks,
 * a year heat map and the papers finished recently. Shapes are SVG with attributes (the CSP
 * allows no inline styles) and colours come from the theme through classes in practice.css.
 */
import { escapeHtml } from '../text/escapeHtml';
import { plainTitle } from '../text/texText';
import { webviewHead } from '../text/webviewHead';
import type { HeatCell } from './heatMap';
import type { Progress } from './goals';
import { daysAgoText } from './recent';
import type { PracticeSummary } from './summary';

export interface PracticePageAssets {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
}

const CELL = 11;
const GAP = 3;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function renderPracticePage(s: PracticeSummary, assets: PracticePageAssets): string {
  return `${webviewHead({ ...assets, title: 'Practice' })}
<body>
<main>
<header>
  <h1>Practice</h1>
  <p class="today">Week ${escapeHtml(s.week.replace(/^\d+-W/, ''))} · ${escapeHtml(s.today)} · ${escapeHtml(s.timeZone)}</p>
  <button id="set-goals" type="button">Set Goals…</button>
</header>
<section class="cards" aria-label="Goals">
  ${progressCard('This week', s.thisWeek, 'papers read')}
  ${progressCard(monthName(s.month), s.thisMonth, 'replications finished')}
  <div class="card streak">
    <h2>Streak</h2>
    <p class="big">${s.streak.current} <span class="unit">week${s.streak.current === 1 ? '' : 's'}</span></p>
    <p class="sub">${s.thisWeek.goal > 0 ? `longest ${s.streak.longest} · weeks meeting the reading goal` : 'set a weekly goal to keep a streak'}</p>
  </div>
</section>
<section aria-label="Recent weeks">
  <h2>Last ${s.weeks.length} weeks</h2>
  ${weeksChart(s)}
</section>
<section aria-label="A year of activity">
  <h2>A year of practice</h2>
  <p class="sub">${s.heatMap.total} paper${s.heatMap.total === 1 ? '' : 's'} started or finished on ${s.heatMap.activeDays} day${s.heatMap.activeDays === 1 ? '' : 's'}</p>
  ${heatMapSvg(s.heatMap.weeks)}
</section>
<section aria-label="Finished recently">
  <h2>Finished recently</h2>
  ${recentList(s)}
</section>
</main>
<script nonce="${assets.nonce}" src="${escapeHtml(assets.scriptUri)}"></script>
</body>
</html>`;
}

function progressCard(title: string, p: Progress, what: string): string {
  const share = p.goal > 0 ? Math.min(1, p.count / p.goal) : 0;
  const width = 200;
  return `<div class="card${p.met ? ' met' : ''}">
    <h2>${title}</h2>
    <p class="big">${p.count}${p.goal > 0 ? `<span class="unit"> / ${p.goal}</span>` : ''} <span class="unit">${what}</span></p>
    ${
      p.goal > 0
        ? `<svg class="bar" viewBox="0 0 ${width} 8" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(p.label)}"><rect class="track" width="${width}" height="8" rx="4"/><rect class="fill" width="${(width * share).toFixed(1)}" height="8" rx="4"/></svg>
    <p class="sub">${p.met ? 'Goal met' : `${p.goal - p.count} to go`}</p>`
        : '<p class="sub">No goal set</p>'
    }
  </div>`;
}

function weeksChart(s: PracticeSummary): string {
  const goal = s.thisWeek.goal;
  const max = Math.max(1, goal, ...s.weeks.map((w) => w.count));
  const barW = 18;
  const h = 64;
  const bars = s.weeks
    .map((w, i) => {
      const bh = (h * w.count) / max;
      const cls = ['week', w.met ? 'met' : '', w.current ? 'current' : ''].filter(Boolean).join(' ');
      return `<rect class="${cls}" x="${i * (barW + 4)}" y="${(h - bh).toFixed(1)}" width="${barW}" height="${Math.max(bh, 1).toFixed(1)}" rx="2"><title>${escapeHtml(w.week)} (from ${escapeHtml(w.start)}): ${w.count} read${w.met ? ', goal met' : ''}</title></rect>`;
    })
    .join('');
  const goalLine = goal > 0 ? `<line class="goal" x1="0" x2="${s.weeks.length * (barW + 4)}" y1="${(h - (h * goal) / max).toFixed(1)}" y2="${(h - (h * goal) / max).toFixed(1)}"><title>Goal: ${goal} a week</title></line>` : '';
  // The counts on the bars and the week of the first and the current bar, so it reads without hovering.
  const counts = s.weeks
    .map((w, i) => ((h * w.count) / max >= 12 ? `<text class="count" x="${i * (barW + 4) + barW / 2}" y="${(h - (h * w.count) / max + 10).toFixed(1)}">${w.count}</text>` : ''))
    .join('');
  const last = s.weeks.length - 1;
  const weekLabel = (i: number, anchor: string) =>
    `<text class="label" x="${anchor === 'end' ? i * (barW + 4) + barW : i * (barW + 4)}" y="${h + 12}" text-anchor="${anchor}">${escapeHtml(s.weeks[i].week.replace(/^\d+-/, ''))}</text>`;
  const labels = s.weeks.length ? weekLabel(0, 'start') + weekLabel(last, 'end') : '';
  return `<svg class="weeks" viewBox="0 0 ${s.weeks.length * (barW + 4)} ${h + 16}" preserveAspectRatio="xMinYMid meet" role="img" aria-label="Papers read in each of the last ${s.weeks.length} weeks">${bars}${goalLine}${counts}${labels}</svg>`;
}

/** "2026-11" as "November 2026". */
function monthName(label: string): string {
  const month = Number(label.slice(5, 7));
  return month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${label.slice(0, 4)}` : escapeHtml(label);
}

function cellTitle(c: HeatCell): string {
  if (c.future) return c.date;
  const parts = [c.started ? `${c.started} started` : '', c.read ? `${c.read} read` : '', c.replicated ? `${c.replicated} replicated` : ''].filter(Boolean);
  return `${c.date}: ${parts.length ? parts.join(', ') : 'nothing'}`;
}

function heatMapSvg(weeks: HeatCell[][]): string {
  const top = 14;
  const left = 26;
  const step = CELL + GAP;
  const cells: string[] = [];
  const labels: string[] = [];
  // A label where a month begins; the grid's first, partial month only if its label has room.
  const monthOf = (w: number) => Number(weeks[w][0].date.slice(5, 7)) - 1;
  const starts = weeks.map((_, w) => w).filter((w) => w === 0 || monthOf(w) !== monthOf(w - 1));
  starts.forEach((w, i) => {
    if (i + 1 < starts.length && starts[i + 1] - w < 3) return;
    if (w < weeks.length - 2) labels.push(`<text class="label" x="${left + w * step}" y="10">${MONTHS[monthOf(w)].slice(0, 3)}</text>`);
  });
  weeks.forEach((column, w) => {
    column.forEach((c, d) => {
      if (c.future) return;
      cells.push(`<rect class="cell l${c.level}" x="${left + w * step}" y="${top + d * step}" width="${CELL}" height="${CELL}" rx="2" data-date="${c.date}" data-count="${c.count}"><title>${escapeHtml(cellTitle(c))}</title></rect>`);
    });
  });
  const days = [
    [0, 'Mon'],
    [2, 'Wed'],
    [4, 'Fri'],
  ]
    .map(([d, name]) => `<text class="label" x="0" y="${top + (d as number) * step + CELL - 2}">${name}</text>`)
    .join('');
  const width = left + weeks.length * step;
  const legendY = top + 7 * step + 6;
  const legend = [0, 1, 2, 3, 4].map((l) => `<rect class="cell l${l}" x="${width - 5 * step - 34 + l * step}" y="${legendY}" width="${CELL}" height="${CELL}" rx="2"/>`).join('');
  return `<svg class="heatmap" preserveAspectRatio="xMinYMin meet" viewBox="0 0 ${width} ${legendY + CELL + 2}" role="img" aria-label="Papers started and finished each day over the last year">
${labels.join('')}${days}${cells.join('')}
<text class="label" x="${width - 5 * step - 62}" y="${legendY + CELL - 2}">Less</text>${legend}<text class="label" x="${width - 30}" y="${legendY + CELL - 2}">More</text>
</svg>`;
}

function recentList(s: PracticeSummary): string {
  if (!s.recent.length) return '<p class="sub">Nothing finished yet. Mark a paper read (or replicated) and it shows here.</p>';
  return `<ul class="recent">${s.recent
    .map(
      (p) => `<li><a href="#" data-paper-id="${escapeHtml(p.id)}">${escapeHtml(plainTitle(p.title))}</a> <span class="badge ${p.status}">${p.status}</span> <span class="sub">${daysAgoText(p.daysAgo)}</span></li>`,
    )
    .join('')}</ul>`;
}
