/**
 * A small builder for traces in code: for tests, hand-built cases and the synthetic generator.
 * Ids are assigned in call order starting at 1 unless given.
 */
import { type ArtifactId, artifactId, type ExecutionId, executionId } from './ids.ts';
import { type Role, roleResolver } from './roles.ts';
import type {
  Artifact,
  ArtifactState,
  Execution,
  ExecutionState,
  Properties,
  Trace,
  TraceEvent,
} from './trace.ts';

/** Fields of a new execution; the type name alone is required. */
export interface ExecutionInit {
  readonly id?: number;
  readonly name?: string;
  /** The pipeline node it ran as (MLMD's `node` context name). */
  readonly node?: string;
  readonly role?: Role;
  readonly state?: ExecutionState;
  readonly startMs?: number;
  readonly endMs?: number;
  readonly properties?: Properties;
  readonly customProperties?: Properties;
  /** Input artifacts: an id, or `[id, key]` to give the event key. */
  readonly inputs?: readonly (ArtifactId | readonly [ArtifactId, string])[];
}

/** Fields of a new artifact; the type name alone is required. */
export interface ArtifactInit {
  readonly id?: number;
  readonly name?: string;
  readonly uri?: string;
  readonly state?: ArtifactState;
  readonly createdMs?: number;
  readonly properties?: Properties;
  readonly customProperties?: Properties;
}

/** Builds a trace step by step: add executions, their inputs and outputs. */
export class TraceBuilder {
  private readonly executions: Execution[] = [];
  private readonly artifacts: Artifact[] = [];
  private readonly events: TraceEvent[] = [];
  private nextExecution = 1;
  private nextArtifact = 1;
  private readonly role = roleResolver();

  private readonly pipeline: string;

  constructor(pipeline = 'default') {
    this.pipeline = pipeline;
  }

  /** Adds an execution (role from its type name unless given) and its input events. */
  execution(type: string, init: ExecutionInit = {}): ExecutionId {
    const id = executionId(init.id ?? this.nextExecution);
    this.nextExecution = Math.max(this.nextExecution, id + 1);
    this.executions.push({
      id,
      type,
      name: init.name,
      ...(init.node === undefined ? {} : { node: init.node }),
      role: init.role ?? this.role(type),
      state: init.state ?? 'complete',
      startMs: init.startMs,
      endMs: init.endMs,
      properties: init.properties ?? {},
      customProperties: init.customProperties ?? {},
    });
    for (const input of init.inputs ?? []) {
      const [artifact, key] = typeof input === 'number' ? [input, undefined] : input;
      this.events.push({ execution: id, artifact, kind: 'input', type: 'INPUT', key });
    }
    return id;
  }

  /** Adds an artifact without a producer. */
  artifact(type: string, init: ArtifactInit = {}): ArtifactId {
    const id = artifactId(init.id ?? this.nextArtifact);
    this.nextArtifact = Math.max(this.nextArtifact, id + 1);
    this.artifacts.push({
      id,
      type,
      name: init.name,
      uri: init.uri,
      state: init.state ?? 'live',
      createdMs: init.createdMs,
      properties: init.properties ?? {},
      customProperties: init.customProperties ?? {},
    });
    return id;
  }

  /** Adds an artifact as an output of `execution` under `key`. */
  output(
    execution: ExecutionId,
    type: string,
    key = 'output',
    init: ArtifactInit = {},
  ): ArtifactId {
    const id = this.artifact(type, init);
    this.events.push({ execution, artifact: id, kind: 'output', type: 'OUTPUT', key });
    return id;
  }

  /** Links an existing artifact as an input or output of an execution. */
  link(execution: ExecutionId, artifact: ArtifactId, kind: 'input' | 'output', key?: string): void {
    this.events.push({
      execution,
      artifact,
      kind,
      type: kind === 'input' ? 'INPUT' : 'OUTPUT',
      key,
    });
  }

  /** The trace built so far. */
  build(): Trace {
    return {
      pipeline: this.pipeline,
      executions: [...this.executions],
      artifacts: [...this.artifacts],
      events: [...this.events],
    };
  }
}
