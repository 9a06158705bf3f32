// checkin.mjs BASE SHOTDIR: a person signs in with a real browser (headless
// Chromium through playwright-core), sees the tree, checks in on a key
// result they own, and sees the tree and the chart change.  Prints one
// "ok N - ..." or "not ok N - ..." line per check and "# tally: P F".
import { chromium } from 'playwright-core';

const [base, shots] = process.argv.slice(2);
let passed = 0, failed = 0;
function check(what, cond, detail) {
	if (cond) { passed++; console.log(`ok ${passed + failed} - ${what}`); }
	else { failed++; console.log(`not ok ${passed + failed} - ${what}`);
		if (detail !== undefined) console.log(`#   ${detail}`); }
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	    '--no-first-run', '--disable-background-networking',
	    '--disable-component-update', '--disable-sync'],
});
try {
	const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
	const csp = [];
	page.on('console', m => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });

	await page.goto(base + '/');
	check('an anonymous visit goes to the sign-in page', page.url().includes('/login'), page.url());
	await page.fill('input[name=login]', 'ana');
	await page.fill('input[name=password]', 'correct-horse-battery');
	await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
	check('signing in lands on the home page', new URL(page.url()).pathname === '/', page.url());

	const row = page.locator('#kr-fast-frt');
	check('the tree shows the key result', await row.count() === 1);
	const before = (await row.locator('.pct').first().textContent()).trim();
	check('before the check-in it has no progress', before === '—', before);
	await page.screenshot({ path: `${shots}/home-before.png`, fullPage: true });

	await page.goto(base + '/krs/fast/frt/checkin');
	await page.fill('input[name=value]', '7');
	await page.fill('input[name=confidence]', '0.8');
	await page.fill('textarea[name=note]', 'macros live');
	await Promise.all([page.waitForNavigation(), page.click('form.checkin button[type=submit]')]);
	check('the check-in is accepted and leads back to a page', page.url().startsWith(base), page.url());

	await page.goto(base + '/objectives/fast');
	const dots = await page.locator('svg circle.dot').count();
	check('the objective page charts the check-in as a point', dots >= 1, `dots: ${dots}`);
	await page.screenshot({ path: `${shots}/objective-after.png`, fullPage: true });

	await page.goto(base + '/');
	// baseline 10, target 4, value 7: (10 - 7) / (10 - 4) = 50%
	const after = (await page.locator('#kr-fast-frt .pct').first().textContent()).trim();
	check('the tree now shows 50%', after === '50%', after);
	await page.screenshot({ path: `${shots}/home-after.png`, fullPage: true });
	check('no Content Security Policy violations', csp.length === 0, csp.join(' | '));

	await page.setViewportSize({ width: 380, height: 800 });
	await page.goto(base + '/');
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	check('on a phone the page does not scroll sideways', wide <= 380, `width ${wide}`);
	await page.screenshot({ path: `${shots}/home-phone.png`, fullPage: true });
} catch (e) {
	check('the browser run completes', false, String(e));
} finally {
	await browser.close();
}
console.log(`# tally: ${passed} ${failed}`);
process.exit(failed === 0 ? 0 : 1);
