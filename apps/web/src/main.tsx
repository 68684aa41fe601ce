import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root === null) throw new Error('web: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <main>Graphlet Explorer</main>
  </StrictMode>,
);
