/** The header: product name and the main navigation. */
import { Link, NavLink } from 'react-router';

/** Product name and nav links (Corpus, Figures, Waste). */
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
      </nav>
    </header>
  );
}
