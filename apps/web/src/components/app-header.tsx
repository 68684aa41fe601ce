/** The header: product name, the main navigation and the corpus-wide search. */
import { Link, NavLink } from 'react-router';
import { CorpusSearch } from './corpus-search.tsx';

/** Product name, nav links (Corpus, Figures, Waste, Glossary) and the corpus-wide search. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Graphlet Explorer
      </Link>
      <nav aria-label="Main">
        <NavLink to="/" end>
          Corpus
        </NavLink>
        <NavLink to="/figures">Figures</NavLink>
        <NavLink to="/waste">Waste</NavLink>
        <NavLink to="/glossary">Glossary</NavLink>
      </nav>
      <CorpusSearch />
    </header>
  );
}
