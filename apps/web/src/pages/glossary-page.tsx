/** The glossary page (`/glossary`): the paper's terms as the app uses them, one anchor per term. */
import { GLOSSARY, GLOSSARY_TERMS, glossaryAnchor } from '../lib/glossary.ts';

/** Every term with its definition. */
export function GlossaryPage() {
  return (
    <div className="stack glossary-page">
      <div className="page-title">
        <h1>Glossary</h1>
        <span className="muted">
          The words of the paper (Xin et al., “Production Machine Learning Pipelines”, SIGMOD 2021)
          as this app uses them.
        </span>
      </div>
      <dl className="card glossary">
        {GLOSSARY_TERMS.map((term) => (
          <div key={term} id={glossaryAnchor(term)} className="glossary-entry">
            <dt>{term}</dt>
            <dd>{GLOSSARY[term]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
