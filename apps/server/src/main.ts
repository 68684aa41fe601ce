/** The server process: reads the configuration, serves API and web app on one port, prints the URL. */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { createApp } from './create-app.ts';

let server: ReturnType<typeof createApp>;
try {
  server = createApp(loadConfig(process.env, process.argv.slice(2)));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { app, config, close } = server;
server.ready.catch((error: unknown) => {
  console.error((error as Error).message);
  void close().then(() => process.exit(2));
});
server.demo.catch((error: unknown) =>
  console.error(`server: demo corpus not loaded: ${(error as Error).message}`),
);

const http = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Graphlet Explorer on http://${host}:${info.port}/ (data in ${config.dataDir})`);
});

const stop = () => {
  http.close();
  void close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
