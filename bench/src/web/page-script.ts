/**
 * Helpers run inside the page (as a string: bench has no DOM typings). Times are page clock ms
 * (performance.now(), 0 = navigation start). A change counts as drawn at the animation frame after the
 * one in which it was first seen (Cytoscape redraws in its own frame callback).
 */
export const PAGE_SCRIPT = `
(() => {
  const hook = () => window.__graphletExplorer && window.__graphletExplorer.cy;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const painted = async () => { await frame(); return frame(); };
  const until = async (test, timeoutMs) => {
    const end = performance.now() + timeoutMs;
    while (!test()) {
      if (performance.now() > end) throw new Error('timed out');
      await frame();
    }
  };
  let lastKey = 0;
  let lastPointer = 0;
  window.addEventListener('keydown', (e) => { lastKey = e.timeStamp; }, true);
  window.addEventListener('mousemove', (e) => { lastPointer = e.timeStamp; }, true);
  window.__bench = {
    async traceInteractive(minNodes) {
      await until(() => { const cy = hook(); return cy !== undefined && cy.nodes().length >= minNodes; }, 60000);
      return painted();
    },
    trainerLit() {
      const g = new URLSearchParams(location.search).get('g');
      if (g === null) return false;
      const id = /^\\d+$/.test(g) ? 'e' + g : g;
      return hook().getElementById(id).hasClass('lit');
    },
    async selectionDone(previous) {
      await until(() => new URLSearchParams(location.search).get('g') !== previous && window.__bench.trainerLit(), 10000);
      const end = await frame();
      return { ms: end - lastKey, g: new URLSearchParams(location.search).get('g') };
    },
    async panFrames(durationMs) {
      const cy = hook();
      const frames = [];
      let last = await frame();
      const start = last;
      let dir = 1;
      while (last - start < durationMs) {
        cy.panBy({ x: -12 * dir, y: 0 });
        const t = await frame();
        frames.push(t - last);
        last = t;
        if (frames.length % 60 === 0) dir = -dir;
      }
      return frames;
    },
    /** Page coordinates of up to n trainers drawn well inside the canvas. */
    trainersOnScreen(n) {
      const cy = hook();
      const rect = document.querySelector('[data-testid="trace-canvas"]').getBoundingClientRect();
      return cy.nodes('[role = "trainer"]').filter((node) => {
        const p = node.renderedPosition();
        return p.x > 60 && p.y > 60 && p.x < cy.width() - 80 && p.y < cy.height() - 90;
      }).slice(0, n).map((node) => ({ id: node.id(), x: rect.left + node.renderedPosition().x, y: rect.top + node.renderedPosition().y }));
    },
    /** From the last mouse move to the frame after node id is drawn hovered with its lineage. */
    async hoverDone(id) {
      await until(() => hook().getElementById(id).hasClass('hovered'), 10000);
      const end = await frame();
      return { ms: end - lastPointer };
    },
    async unhovered() {
      await until(() => hook().nodes('.hovered').length === 0, 10000);
      return painted();
    },
    measures() {
      return performance.getEntriesByType('measure')
        .filter((m) => m.name.startsWith('graphlet-explorer:'))
        .map((m) => ({ name: m.name, startMs: Math.round(m.startTime), ms: Math.round(m.duration) }))
        .concat(performance.getEntriesByType('resource')
          .filter((r) => r.name.includes('/api/') || r.name.includes('/assets/'))
          .map((r) => ({ name: new URL(r.name).pathname, startMs: Math.round(r.startTime), ms: Math.round(r.duration), kB: Math.round(r.transferSize / 1024) })));
    },
    async afterKey() {
      const before = lastKey;
      await until(() => lastKey !== before, 10000);
      return (await frame()) - lastKey;
    },
    painted,
    until,
  };
})();
`;
