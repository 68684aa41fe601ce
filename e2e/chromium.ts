/**
 * How the e2e tests and the web benchmark start Chromium: Debian's (or CHROMIUM_PATH), with the
 * flags this sandbox needs (no sandbox, no GPU, no background network or updates).
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
