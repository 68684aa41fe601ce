/** The words the app uses from the paper (Xin et al., SIGMOD 2021), each said in one or two lines. */

export const GLOSSARY_TERMS = [
  'graphlet',
  'span',
  'pushed',
  'freshness',
  'waste',
  'feature cost',
  'balanced accuracy',
] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

/** Each term's definition, plain text. */
export const GLOSSARY: Readonly<Record<GlossaryTerm, string>> = {
  graphlet:
    'One trained model and everything that led to it: the Trainer run with the data, validation and transform steps upstream of it, and the evaluation and push steps that judged it (§4.1).',
  span: 'One slice of input data (a day or hour of examples) that a graphlet read; consecutive graphlets often share most of their spans (§3.2).',
  pushed:
    'A model that was deployed: a Pusher run copied it to serving. Most trained models are never pushed (about 80% in the paper).',
  freshness:
    'Under a skip policy, the share of the pushed models whose training still runs (1 = no deployed model is lost); skipping more saves compute but costs freshness (§5.3).',
  waste:
    'Compute spent on graphlets whose model was not pushed; a waste model predicts those early so that their training can be skipped, and the waste still incurred is the share of that compute a skip policy leaves (§5).',
  'feature cost':
    'The share of a graphlet’s compute already spent when the waste model’s features are known: the later the features, the less can be saved (§5.2).',
  'balanced accuracy':
    'The mean of the accuracy on pushed and on unpushed graphlets, so that a model that always says “not pushed” scores 50%, not 80% (§5.2).',
};

/** The glossary page's anchor of a term (`feature cost` → `feature-cost`). */
export function glossaryAnchor(term: GlossaryTerm): string {
  return term.replaceAll(' ', '-');
}
