/**
 * The API's response schemas, from @graphlet/contract (the server validates against the same ones).
 * Graphlet documents are read loosely so that metrics the server adds later (similarity, code
 * match, push probability, features) reach the page without a contract change here.
 */
import {
  ConnectionCreatedSchema,
  ConnectionListSchema,
  CorpusChangeSchema,
  GraphletDetailSchema,
  GraphletListSchema,
  GraphletMetricsSchema,
  GraphletSchema,
  JobSchema,
  NodeDetailSchema,
  RoleOverridesSchema,
  SearchResultSchema,
  ServerStatusSchema,
  SourceListSchema,
  TraceGraphSchema,
  TraceListSchema,
  UploadResponseSchema,
  WasteModelListSchema,
  WasteModelSchema,
  WasteOperatingPointSchema,
} from '@graphlet/contract';
import { z } from 'zod';

export type {
  Connection,
  ConnectionKind,
  CreateConnection,
  GraphNode as TraceNode,
  Job,
  RoleOverrideEntry,
  RoleOverrides,
  SearchHit,
  ServerStatus,
  Source,
  TraceGraph,
  TraceSummary,
  WasteModel,
  WasteModelSummary,
} from '@graphlet/contract';

export const sourceList = SourceListSchema;
export const connectionList = ConnectionListSchema;
export const connectionCreated = ConnectionCreatedSchema;
export const corpusChange = CorpusChangeSchema;
export const roleOverrides = RoleOverridesSchema;
export const traceList = TraceListSchema;
export const searchResult = SearchResultSchema;
export const traceGraph = TraceGraphSchema;
export const nodeDetail = NodeDetailSchema;
export const jobStatus = JobSchema;
export const uploadAccepted = UploadResponseSchema;
export type UploadAccepted = z.infer<typeof UploadResponseSchema>;

const looseGraphlet = GraphletSchema.extend({ metrics: GraphletMetricsSchema.loose() }).loose();
export type GraphletSummary = z.infer<typeof looseGraphlet>;

export const graphletList = GraphletListSchema.extend({ graphlets: looseGraphlet.array() });
export const graphletDetail = GraphletDetailSchema.extend({ graphlet: looseGraphlet }).loose();
export type GraphletDetail = z.infer<typeof graphletDetail>;

export const serverStatus = ServerStatusSchema;
export const wasteModelList = WasteModelListSchema;
export const wasteModel = WasteModelSchema;
export const wasteOperatingPoint = WasteOperatingPointSchema;
export const jobAccepted = z.object({ job: JobSchema });
