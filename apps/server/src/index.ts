export type { Config, ConfigInput } from './config.ts';
export { loadConfig } from './config.ts';
export type { Server } from './create-app.ts';
export { createApp } from './create-app.ts';
export { removeQueueKeys } from './jobs/queue-keys.ts';

/** The app's type, for the web app's typed client. */
export type AppType = ReturnType<typeof import('./create-app.ts').createApp>['app'];
