import { PlaygroundNetwork, TOY_DATASETS, toyDataset } from './playground';

describe('the training playground', () => {
  it('makes each toy data set: balanced classes, seeded, inside the plane shown', () => {
    for (const kind of TOY_DATASETS) {
      const points = toyDataset(kind, 200, 0.05, 3);
      expect(points).toHaveLength(200);
      expect(points.filter((p) => p.label === 1)).toHaveLength(100);
      expect(points.every((p) => Math.abs(p.x) < 1.3 && Math.abs(p.y) < 1.3)).toBe(true);
      expect(toyDataset(kind, 200, 0.05, 3)).toEqual(points);
      expect(toyDataset(kind, 200, 0.05, 4)).not.toEqual(points);
    }
  });

  it('learns XOR and circles with a few hidden neurons: the loss falls and the boundary classifies', () => {
    for (const kind of ['xor', 'circles'] as const) {
      const points = toyDataset(kind, 200, 0.02, 1);
      const network = new PlaygroundNetwork(6, 'tanh', 1);
      const before = network.loss(points);
      for (let i = 0; i < 1_500; i++) network.step(points, 0.5);
      expect(network.loss(points)).toBeLessThan(before / 3);
      const correct = points.filter((p) => (network.predict(p.x, p.y) > 0.5 ? 1 : 0) === p.label).length;
      expect(correct / points.length).toBeGreaterThan(0.95);
    }
  });

  it('cannot learn with step activations: the gradient is flat', () => {
    const points = toyDataset('xor', 100, 0.02, 1);
    const network = new PlaygroundNetwork(6, 'step', 1);
    const w1 = Array.from(network.w1);
    for (let i = 0; i < 50; i++) network.step(points, 0.5);
    expect(Array.from(network.w1)).toEqual(w1);
  });
});
