/** A placeholder for pages built later (Figures, Waste). */
export interface ComingPageProps {
  readonly title: string;
}

/** Says the page is coming. */
export function ComingPage({ title }: ComingPageProps) {
  return (
    <section className="card" style={{ minHeight: 200 }}>
      <h1>{title}</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
