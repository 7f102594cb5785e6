// Loads crosscheck HTML reports in Debian's headless Chromium and checks
// that the page raises no console or page error, that every filter (kind,
// severity, outlet selects and the search box) changes the shown findings
// and that clearing it brings them all back, that findings sit in
// collapsible claim clusters (headed by the claim; the first ones open, a
// click opens the others, a filter opens those holding a match), that a
// filter matching nothing says so, then saves a screenshot.
//
// usage: node check.mjs NAME=REPORT.html [NAME=REPORT.html ...]
// Screenshots go to OUT_DIR (default ../../target/browser) as NAME.png.
// Exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.env.OUT_DIR ?? path.join(here, '../../target/browser'));
const reports = process.argv.slice(2).map((arg) => {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new Error(`expected NAME=REPORT.html, got ${arg}`);
  return { name: arg.slice(0, eq), file: path.resolve(arg.slice(eq + 1)) };
});
if (reports.length === 0) {
  console.error('usage: node check.mjs NAME=REPORT.html [NAME=REPORT.html ...]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

for (const { name, file } of reports) {
  // A fresh context per report is a fresh, empty profile.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) errors.push(`fetched something: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

  // "shown": not hidden by a filter (a finding in a collapsed cluster is
  // shown but not visible until the cluster opens)
  const shown = () => page.locator('article.finding:not([hidden])').count();
  const visible = () => page.locator('article.finding:visible').count();
  const shownText = () => page.locator('#f-count').textContent();
  const noMatch = () => page.locator('#f-none').isVisible();
  const total = await page.locator('article.finding').count();
  check(total > 0, `${name}: ${total} findings in the page`);
  check((await shown()) === total, `${name}: all ${total} findings shown on load`);
  check((await shownText()) === `${total} shown`, `${name}: counter says "${total} shown"`);
  check(!(await noMatch()), `${name}: no "no findings match" message on load`);

  // Story -> claim cluster -> finding: every finding is in a cluster whose
  // header gives the claim; stories are headed by text, not only an id.
  const clusters = await page.locator('details.cluster').count();
  const inClusters = await page.locator('details.cluster article.finding').count();
  check(clusters > 0 && inClusters === total, `${name}: ${total} findings in ${clusters} claim clusters`);
  const claims = await page.locator('details.cluster > summary .claim q').allTextContents();
  check(claims.length === clusters && claims.every((c) => c.trim().length > 0),
    `${name}: every cluster header quotes its claim`);
  const headings = await page.locator('section.story > h2').allTextContents();
  check(headings.length > 0 && headings.every((h) => h.trim().length > 0 && !h.startsWith('story:')),
    `${name}: ${headings.length} story headings read as text ("${headings[0]}")`);
  const open = await page.locator('details.cluster[open]').count();
  check(clusters <= 6 ? open === clusters : open === 6,
    `${name}: ${open} of ${clusters} clusters open on load`);
  check((await visible()) === await page.locator('details.cluster[open] article.finding').count(),
    `${name}: the findings of open clusters are visible, the others collapsed`);
  const closedId = await page.locator('details.cluster:not([open])').first().getAttribute('id').catch(() => null);
  if (closedId) {
    const closed = page.locator(`details.cluster[id="${closedId}"]`);
    const inside = closed.locator('article.finding').first();
    check(!(await inside.isVisible()), `${name}: a collapsed cluster hides its findings`);
    await closed.locator('summary').click();
    check(await inside.isVisible(), `${name}: a click on the cluster header shows its findings`);
    await closed.locator('summary').click();
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`     ${name}: page height ${height} px`);

  // Each select: every option shows exactly the findings whose data
  // attribute matches (counted here, apart from the page's script), and
  // "all" brings every finding back. Across the three selects, some value
  // must hide some findings, or the filters were never seen to act.
  const attrs = await page.locator('article.finding').evaluateAll((as) => as.map((a) => ({
    'f-kind': [a.dataset.kind], 'f-severity': [a.dataset.severity], 'f-outlet': a.dataset.outlets.split('|'),
  })));
  let someHidden = false;
  for (const id of ['f-kind', 'f-severity', 'f-outlet']) {
    const values = await page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    for (const v of values) {
      await page.selectOption(`#${id}`, v);
      const n = await shown();
      const expected = attrs.filter((a) => a[id].includes(v)).length;
      if (n < total) someHidden = true;
      check(n === expected && n > 0 && (await shownText()) === `${n} shown` && (await visible()) === n,
        `${name}: ${id}=${v} shows ${n} of ${total} (expected ${expected}), their clusters open`);
    }
    await page.selectOption(`#${id}`, '');
    check((await shown()) === total, `${name}: ${id}=all shows all ${total} again`);
  }
  check(someHidden || total === 1, `${name}: some select value hides some findings`);

  // Two selects together narrow further (never widen).
  const kinds = await page.locator('#f-kind option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await page.selectOption('#f-kind', kinds[0]);
  const byKind = await shown();
  const outlets = await page.locator('#f-outlet option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await page.selectOption('#f-outlet', outlets[outlets.length - 1]);
  check((await shown()) <= byKind, `${name}: kind+outlet shows no more than kind alone`);
  await page.selectOption('#f-kind', '');
  await page.selectOption('#f-outlet', '');

  // Search: the first finding's id (shown in its heading) matches that
  // finding only; a word in no finding hides them all and its story sections;
  // clearing the box brings everything back.
  const firstId = (await page.locator('article.finding h4 code').first().textContent()).trim();
  await page.fill('#f-text', firstId.toUpperCase());
  const n = await shown();
  check(n >= 1 && n < total || total === 1,
    `${name}: search "${firstId.toUpperCase()}" (case-insensitive) shows ${n} of ${total}`);
  check(await page.locator(`article.finding[id="f-${firstId}"]`).isVisible(), `${name}: the searched finding is visible`);
  await page.fill('#f-text', 'zzqx-no-such-text');
  check((await shown()) === 0 && (await page.locator('section.story:visible').count()) === 0,
    `${name}: search for absent text hides every finding and story`);
  check(await noMatch(), `${name}: and says that no findings match`);
  await page.fill('#f-text', '');
  check((await shown()) === total && !(await noMatch()), `${name}: clearing the search shows all ${total} again, no message`);
  check((await page.locator('details.cluster[open]').count()) === open,
    `${name}: clearing the filters puts the clusters back as they were on load`);

  // Screenshot of the whole page, all filters cleared, scrolled to the top
  // so that the sticky filter bar is drawn where a reader first sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const png = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: png, fullPage: true });
  console.log(`     ${name}: screenshot ${png}`);

  check(errors.length === 0, `${name}: no console error, page error or network request${errors.length ? ': ' + errors.join('; ') : ''}`);
  await context.close();
}
await browser.close();

if (failures.length) {
  console.error(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log('browser checks passed');
