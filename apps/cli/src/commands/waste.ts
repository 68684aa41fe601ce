/** `waste FILE... [--json] [--variant NAME] [--threshold T] ...`: the paper's waste classifier (§5). */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { WASTE_VARIANTS, type WasteFeatureTable, type WasteVariant } from '@graphlet/core';
import { isStoreUrl } from '@graphlet/formats';
import {
  buildSkipPolicy,
  checkTrainable,
  requireVariant,
  runWaste,
  type WasteProgress,
  wasteDocument,
} from '@graphlet/waste';
import { CliError } from '../cli-error.ts';
import type { Command, CommandIo } from '../command.ts';
import { SOURCE_USAGE } from '../load-traces.ts';
import { parseRoleOverrides } from '../parse-role-overrides.ts';
import {
  buildWasteTableFromDatabases,
  buildWasteTableOnWorkers,
  pipelineTasks,
} from '../waste/build-waste-table.ts';
import { checkWasteMemory, maxMemoryOf } from '../waste/check-waste-memory.ts';
import { writeFeatureCsv } from '../waste/feature-csv.ts';
import { formatWasteReport } from '../waste/waste-report.ts';

const USAGE = `Usage: pnpm cli waste FILE... [--json] [--variant NAME] [--threshold T] [options]

Builds the paper's per-graphlet features (§5.2.1) for every pipeline of the FILEs that never
warm-starts, splits pipelines ~80/20 into training and test (class balance kept), trains a random
forest per Table 3 variant and reports balanced accuracy, feature cost and the freshness-vs-waste
curve (Figure 10). See docs/waste.md. Each FILE is ${SOURCE_USAGE}.

  --json                   print one JSON document
  --variant NAME           train only NAME (${WASTE_VARIANTS.join(', ')})
  --threshold T            also report the operating point at push probability threshold T
  --export-features OUT    write the feature table as CSV (pipeline, graphlet, split, pushed,
                           cost, then every feature)
  --export-policy OUT      write the skip policy JSON (needs --variant and --threshold)
  --predictions            with --json: every test graphlet's push probability
  --trees N                trees per forest (default 100)
  --seed S                 seed of the split and the forests (default 0)
  --threads N              worker threads (default: available parallelism)
  --window W               history window w (default 3)
  --max-memory SIZE        fail at once, naming the figure needed, when the run would need more
                           (e.g. 2G, 1536M; default: three quarters of the machine's memory;
                           database URLs are not estimated)
  --role PATTERN=ROLE      override the role of executions whose type name matches PATTERN
                           (name:PATTERN=ROLE: whose task or job name matches)`;

/** The `waste` command. */
export const wasteCommand: Command = {
  name: 'waste',
  summary: "train the paper's waste classifier (Table 3) and sweep freshness vs waste",
  usage: USAGE,
  run: runWasteCommand,
};

async function runWasteCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      variant: { type: 'string' },
      threshold: { type: 'string' },
      'export-features': { type: 'string' },
      'export-policy': { type: 'string' },
      predictions: { type: 'boolean', default: false },
      trees: { type: 'string', default: '100' },
      seed: { type: 'string', default: '0' },
      threads: { type: 'string' },
      window: { type: 'string', default: '3' },
      role: { type: 'string', multiple: true },
      'max-memory': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new CliError('expected at least one FILE');
  const variants = parseVariant(values.variant);
  const threshold = values.threshold === undefined ? undefined : parseThreshold(values.threshold);
  const policyOut = values['export-policy'];
  if (policyOut !== undefined && (values.variant === undefined || threshold === undefined)) {
    throw new CliError('--export-policy needs --variant NAME and --threshold T');
  }
  const trees = parseInteger('--trees', values.trees, 1);
  const seed = parseInteger('--seed', values.seed, 0);
  const threads =
    values.threads === undefined
      ? availableParallelism()
      : parseInteger('--threads', values.threads, 1);
  const window = parseInteger('--window', values.window, 1, 50);
  const progress = (line: string) => io.stderr(`${line}\n`);
  const limit = maxMemoryOf(values['max-memory']);

  const roles = parseRoleOverrides(values.role);
  // Forests are kept only for the policy export; otherwise each goes once evaluated.
  const keepForests = policyOut !== undefined;
  let table: WasteFeatureTable;
  if (positionals.some(isStoreUrl)) {
    table = await buildWasteTableFromDatabases(positionals, roles, { window }, progress);
  } else {
    const { tasks, trainers } = pipelineTasks(positionals, roles);
    const needed = checkWasteMemory({
      trainers,
      window,
      variants,
      trees,
      threads,
      keepForests,
      limit,
    });
    progress(
      `waste: ${tasks.length} pipeline(s), at most ${trainers} graphlets; estimated peak memory ${needed} MB of ${Math.floor(limit.bytes / 2 ** 20)} MB allowed`,
    );
    table = await buildWasteTableOnWorkers(tasks, { window }, threads, progress);
  }
  progress(
    `waste: ${table.nRows} graphlets x ${table.nFeatures} features from ${table.pipelines.length} pipelines; ${table.excluded.warmStartGraphlets} graphlets of ${table.excluded.warmStartPipelines} warm-starting pipelines excluded`,
  );
  checkTrainable(table);
  const options = { variants, trees, seed, threads, threshold, keepForests };
  const run = await runWaste(table, options, (p) => {
    const line = progressLine(p);
    if (line !== undefined) progress(line);
  });

  const featuresOut = values['export-features'];
  if (featuresOut !== undefined) {
    writeOrFail(featuresOut, () => writeFeatureCsv(featuresOut, table, run.split.isTrain));
    progress(`waste: wrote ${table.nRows} feature rows to ${featuresOut}`);
  }
  if (policyOut !== undefined && threshold !== undefined) {
    const e = run.evaluations[0]!;
    const point = e.operatingPoint!;
    const policy = buildSkipPolicy({
      variant: e.variant,
      threshold,
      featureOptions: table.options,
      features: e.features,
      forest: e.forest!,
      evaluation: {
        balancedAccuracy: e.balancedAccuracy,
        freshness: point.freshness,
        waste: point.waste,
        trainGraphlets: run.split.train.length,
        testGraphlets: run.split.test.length,
      },
    });
    writeOrFail(policyOut, () => writeFileSync(policyOut, `${JSON.stringify(policy)}\n`));
    progress(`waste: wrote the ${e.variant} skip policy (threshold ${threshold}) to ${policyOut}`);
  }
  const settings = { trees, seed, threads, predictions: values.predictions };
  io.stdout(
    values.json
      ? `${JSON.stringify(wasteDocument(table, run, settings))}\n`
      : `${formatWasteReport(table, run)}\n`,
  );
  return 0;
}

/** The stderr line of a training start or a finished variant; none per tree. */
function progressLine(p: WasteProgress): string | undefined {
  if (p.stage === 'training') {
    return p.treesDone === 0
      ? `waste: ${p.variant}: ${p.treesTotal} trees on ${p.rows} rows x ${p.features} features, ${p.threads} thread(s)`
      : undefined;
  }
  const e = p.evaluation;
  return `waste: ${p.variant}: balanced accuracy ${e.balancedAccuracy.toFixed(3)} (trained in ${e.trainSeconds.toFixed(1)} s)`;
}

function parseVariant(name: string | undefined): readonly WasteVariant[] {
  return name === undefined ? WASTE_VARIANTS : [requireVariant(name)];
}

function parseThreshold(text: string): number {
  const t = Number(text);
  if (text.trim() === '' || !Number.isFinite(t) || t < 0 || t > 1) {
    throw new CliError(`--threshold must be a number in [0, 1] (got '${text}')`);
  }
  return t;
}

function parseInteger(
  flag: string,
  text: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new CliError(
      `${flag} must be an integer in ${min}..${max === Number.MAX_SAFE_INTEGER ? '' : max} (got '${text}')`,
    );
  }
  return n;
}

function writeOrFail(path: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot write (${code ?? (error as Error).message})`);
  }
}
