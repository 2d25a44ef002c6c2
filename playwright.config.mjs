// End-to-end tests in Debian's Chromium against the release build (dist/), served on 127.0.0.1.
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

// E2E_PORT: another port for the release build's server, so two checkouts can test at once.
const port = Number(process.env.E2E_PORT) || 4173;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  workers: 2,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${port}/`, launchOptions: chromium, trace: 'off' },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    command: `node tests/serve.mjs --root dist --port ${port} --ttl 3600`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
