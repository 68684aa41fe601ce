/**
 * The one role classifier for every format: an execution's MLMD type name first (TFX component
 * classes, roles.ts), then its task or job names by whole words and their stems ("train",
 * "trainer", "training", "fit" are Trainer; "retrain" or "constraint" are not), then the words of
 * its type name. Role groups follow the paper's Figure 6 (§3.3). Overrides come first.
 */
import { builtInRole, type Role, type RoleOverride } from './roles.ts';
import type { Properties } from './trace.ts';

/** What the classifier reads of an execution. */
export interface RoleSubject {
  readonly type: string;
  /** The node, task or job name (MLMD `name`, an OpenLineage job, a KFP task). */
  readonly name?: string | undefined;
  /** Custom properties: Kubeflow Pipelines records task names as `task_name` and `display_name`. */
  readonly customProperties?: Properties | undefined;
}

/** Custom properties naming a task, as Kubeflow Pipelines v2 writes them to MLMD. */
export const TASK_NAME_PROPERTIES = ['task_name', 'display_name'] as const;

/**
 * Type names (last segment, lower case) of executions that are known to play no role, whatever
 * their names say: TFX resolvers ("latest_blessed_model_resolver"), Kubeflow Pipelines DAGs.
 */
const KNOWN_OTHER = new Set(['resolver', 'dagexecution']);

/** Whole words of a role, with their inflections; a word must match entirely. */
const WORDS: readonly (readonly [Role, RegExp])[] = [
  [
    'deployment',
    /^(push(es|er|ers|ing|ed)?|deploy(s|er|ers|ing|ed|ment|ments)?|serv(e|es|ing|ed)|publish(es|er|ing|ed)?|releas(e|es|ing|ed)|rollouts?)$/,
  ],
  [
    'model_validation',
    /^(evaluat(e|es|or|ors|ion|ions|ing|ed)|evals?|validat(e|es|or|ors|ion|ions|ing|ed)|bless(es|ing)?|infravalidator|modelvalidator)$/,
  ],
  ['tuner', /^(tun(e|es|er|ers|ing|ed)|hyperparameters?|hpo|hyperopt|sweeps?|katib)$/],
  ['trainer', /^(train(s|er|ers|ing|ed)?|fit(s|ted|ting)?|finetun(e|es|er|ing|ed))$/],
  [
    'data_validation',
    /^(statistics|stats|statisticsgen|schemagen|profil(e|es|er|ing)|quality|expectations?|anomal(y|ies)|drift|examplevalidator)$/,
  ],
  [
    'transform',
    /^(transform(s|er|ers|ing|ed|ation|ations)?|preprocess(es|or|ing|ed)?|featuriz(e|es|er|ing|ed|ation)|engineer(s|ing|ed)?|clean(s|er|ing|ed)?|tokeniz(e|es|er|ing|ed)|encod(e|es|er|ing|ed)|normaliz(e|es|er|ing|ed|ation)|prepar(e|es|ing|ed|ation))$/,
  ],
  [
    'ingestion',
    /^(ingest(s|er|ion|ing|ed)?|import(s|er|ing|ed)?|extract(s|or|ion|ing|ed)?|examplegen|fetch(es|er|ing|ed)?|(up|down)load(s|er|ing|ed)?|gather(s|er|ing|ed)?|collect(s|or|ion|ing|ed)?|scrap(e|es|er|ing|ed))$/,
  ],
];

/** Words that turn a validation word into data validation: "validate data", "ExampleValidator". */
const DATA_WORDS = /^(data|datasets?|examples?|inputs?|features?|schemas?|rows?|tables?)$/;
const VALIDATION_WORD = /^(validat(e|es|or|ors|ion|ions|ing|ed)|checks?|checking)$/;

/**
 * The words of a name: split at non-alphanumerics, camelCase humps and letter-digit boundaries,
 * lower-cased. "CsvExampleGen" -> csv, example, gen; "train-model_v2" -> train, model, v, 2.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])([0-9])|([0-9])([a-zA-Z])/g, '$1$3 $2$4')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * The role a name's words say, or undefined: a data-validation phrase first ("validate data",
 * "ExampleValidator", "StatisticsGen"), then an ingestion phrase ("...ExampleGen"), then the
 * first word that names a role (task names lead with their verb: "preprocess_training_data").
 */
export function roleOfWords(words: readonly string[]): Role | undefined {
  const hasData = words.some((w) => DATA_WORDS.test(w));
  if (hasData && words.some((w) => VALIDATION_WORD.test(w))) return 'data_validation';
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i + 1] !== 'gen') continue;
    if (words[i] === 'example' || words[i] === 'examples') return 'ingestion';
    if (words[i] === 'statistics' || words[i] === 'schema') return 'data_validation';
  }
  for (const word of words) {
    for (const [role, re] of WORDS) if (re.test(word)) return role;
  }
  return undefined;
}

/** The role a task or job name says: its last dot-separated segment (an Airflow task, not its DAG). */
export function roleOfName(name: string): Role | undefined {
  const segment = name.split('.').pop() ?? '';
  const exact = builtInRole(segment);
  if (exact !== 'other') return exact;
  return roleOfWords(nameWords(segment));
}

/** The names of a subject the classifier reads, in order: its name, then KFP's task names. */
export function subjectNames(subject: RoleSubject): string[] {
  const names: string[] = [];
  if (subject.name !== undefined && subject.name !== '') names.push(subject.name);
  for (const key of TASK_NAME_PROPERTIES) {
    const value = subject.customProperties?.[key];
    if (typeof value === 'string' && value !== '' && !names.includes(value)) names.push(value);
  }
  return names;
}

/**
 * The built-in role of an execution: its type name as a TFX component class, else its names by
 * word stems, else the words of its type name's last segment, else `other`.
 * @example classifyRole({ type: 'system.ContainerExecution', name: 'train-model' }) // 'trainer'
 */
export function classifyRole(subject: RoleSubject): Role {
  const byType = builtInRole(subject.type);
  if (byType !== 'other') return byType;
  if (KNOWN_OTHER.has((subject.type.split('.').pop() ?? '').toLowerCase())) return 'other';
  for (const name of subjectNames(subject)) {
    const role = roleOfName(name);
    if (role !== undefined) return role;
  }
  return roleOfWords(nameWords(subject.type.split('.').pop() ?? '')) ?? 'other';
}

/** True when an override applies to the subject: its pattern against the type, or against a name. */
export function overrideMatches(override: CompiledOverride, subject: RoleSubject): boolean {
  if (override.field === 'name') return subjectNames(subject).some((n) => override.re.test(n));
  return override.re.test(subject.type);
}

/** An override with its pattern compiled (case-insensitive). */
export interface CompiledOverride {
  readonly field: 'type' | 'name';
  readonly re: RegExp;
  readonly role: Role;
}

/** Compiles overrides; throws on an invalid pattern (`core: role override ...`). */
export function compileOverrides(overrides: readonly RoleOverride[]): CompiledOverride[] {
  return overrides.map((o) => {
    try {
      return { field: o.field ?? 'type', re: new RegExp(o.pattern, 'i'), role: o.role };
    } catch {
      throw new Error(`core: role override /${o.pattern}/ is not a valid regular expression`);
    }
  });
}

/** Builds a classifier: the first matching override wins, else classifyRole (cached per subject). */
export function roleClassifier(
  overrides: readonly RoleOverride[] = [],
): (subject: RoleSubject) => Role {
  const compiled = compileOverrides(overrides);
  const cache = new Map<string, Role>();
  return (subject) => {
    const names = subjectNames(subject);
    const key = `${subject.type}\u0000${names.join('\u0000')}`;
    let role = cache.get(key);
    if (role === undefined) {
      role = compiled.find((o) => overrideMatches(o, subject))?.role ?? classifyRole(subject);
      cache.set(key, role);
    }
    return role;
  };
}

/** An exact-match override pattern for a type or name a person picked (regex metacharacters escaped). */
export function exactPattern(value: string): string {
  return `^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}
