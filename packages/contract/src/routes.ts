/**
 * The API's route definitions (`createRoute` of @hono/zod-openapi) for the server's OpenAPIHono
 * apps, kept apart from the schemas so that the web bundle carries no OpenAPI or Hono code.
 * @example import { healthRoute } from '@graphlet/contract/routes';
 */
export * from './connections-routes.ts';
export * from './graphlets-routes.ts';
export * from './health-routes.ts';
export * from './jobs-routes.ts';
export * from './role-overrides-routes.ts';
export * from './search-routes.ts';
export * from './sources-routes.ts';
export * from './stats-routes.ts';
export * from './traces-routes.ts';
export * from './waste-routes.ts';
