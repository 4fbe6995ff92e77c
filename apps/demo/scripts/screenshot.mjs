// Screenshots a page with Debian's Chromium, for the README's pictures.
// Run: node scripts/screenshot.mjs URL OUT.png [width] [height]   (WAIT=ms before the shot, default 4000)
import { chromium } from 'playwright-core';

const [url, out, width = '1200', height = '900'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-unsafe-swiftshader',
  ],
});
const page = await browser.newPage({ viewport: { width: +width, height: +height } });
await page.goto(url);
await page.waitForTimeout(Number(process.env.WAIT ?? 4000));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
