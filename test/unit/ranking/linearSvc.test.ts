import * as assert from 'assert';
import { DEFAULT_SVC, decisionFunction, trainLinearSvc, type SvcOptions } from '../../../src/core/ranking/linearSvc';
import { RowWriter, type Csr } from '../../../src/core/ranking/rowBuilder';
import type { SparseVector } from '../../../src/core/ranking/sparse';
import { runSync } from '../../../src/core/ranking/tasks';

/** Dense rows -> CSR. */
function csrOf(dense: number[][]): { csr: Csr; rows: SparseVector[] } {
  const w = new RowWriter();
  for (const r of dense) {
    const nz = r.map((v, j) => [j, v]).filter(([, v]) => v !== 0);
    w.copy({ indices: Uint16Array.from(nz, ([j]) => j), values: Float32Array.from(nz, ([, v]) => v) });
  }
  const { csr, views } = w.finish();
  return { csr, rows: views };
}

const close = (actual: number, expected: number, what: string, eps = 1e-6): void =>
  assert.ok(Math.abs(actual - expected) < eps, `${what}: ${actual} != ${expected}`);

const PLAIN: SvcOptions = { ...DEFAULT_SVC, classWeight: null, fitIntercept: false };

describe('linear SVM (LinearSVC: squared hinge, L2, dual coordinate descent)', () => {
  it('solves a two-point problem in closed form', () => {
    // x = +1 (y = +1), x = -1 (y = -1), no intercept: minimize w²/2 + 2C(1 - w)² => w = 4C / (1 + 4C).
    const { csr } = csrOf([[1], [-1]]);
    const r = runSync(trainLinearSvc(csr, Int8Array.of(1, -1), 1, PLAIN));
    close(r.model.weights[0], 0.4 / 1.4, 'w at C = 0.1');
    assert.strictEqual(r.model.bias, 0);
    assert.ok(r.converged);
    const r1 = runSync(trainLinearSvc(csr, Int8Array.of(1, -1), 1, { ...PLAIN, C: 1 }));
    close(r1.model.weights[0], 4 / 5, 'w at C = 1');
  });

  it('regularizes the intercept like liblinear (a constant feature of value intercept_scaling)', () => {
    // Points 2 (y=+1) and 0 (y=-1) with an intercept feature of 1: u = (w, b), features (2, 1) and (0, 1).
    // Both margins active at the optimum: solve (I + 2C·Σ x xᵀ) u = 2C·Σ y x by hand for C = 0.1.
    const { csr } = csrOf([[2], [0]]);
    const r = runSync(trainLinearSvc(csr, Int8Array.of(1, -1), 1, { ...PLAIN, fitIntercept: true }));
    // Σ x xᵀ = [[4, 2], [2, 2]], Σ y x = (2, 0): [[1.8, 0.4], [0.4, 1.4]] u = (0.4, 0).
    const det = 1.8 * 1.4 - 0.4 * 0.4;
    close(r.model.weights[0], (0.4 * 1.4) / det, 'w');
    close(r.model.bias, (-0.4 * 0.4) / det, 'b');
  });

  it('weighs classes "balanced": n / (2 · class size)', () => {
    // One positive at (1, 0), three negatives at (0, 1), no intercept: the two weights separate,
    // w1 = 2·Cp / (1 + 2·Cp) and w2 = -6·Cn / (1 + 6·Cn) for per-class C's Cp and Cn.
    const { csr } = csrOf([[1, 0], [0, 1], [0, 1], [0, 1]]);
    const labels = Int8Array.of(1, -1, -1, -1);
    // Balanced: Cp = C · 4/2 = 0.2 and Cn = C · 4/6, so 6·Cn = 0.4.
    const b = runSync(trainLinearSvc(csr, labels, 2, { ...PLAIN, classWeight: 'balanced' }));
    close(b.model.weights[0], 0.4 / 1.4, 'balanced w1');
    close(b.model.weights[1], -0.4 / 1.4, 'balanced w2');
    // Unweighted: Cp = Cn = 0.1.
    const u = runSync(trainLinearSvc(csr, labels, 2, PLAIN));
    close(u.model.weights[0], 0.2 / 1.2, 'w1');
    close(u.model.weights[1], -0.6 / 1.6, 'w2');
  });

  it('reaches the same solution from a warm start, in fewer epochs', () => {
    const dense = Array.from({ length: 60 }, (_, i) => [Math.sin(i), Math.cos(i * 0.7), (i % 5) / 5, i % 2]);
    const labels = Int8Array.from(dense, (_, i) => (i % 3 === 0 ? 1 : -1));
    const { csr } = csrOf(dense);
    const cold = runSync(trainLinearSvc(csr, labels, 4, DEFAULT_SVC));
    const warm = runSync(trainLinearSvc(csr, labels, 4, DEFAULT_SVC, cold.alpha));
    for (let j = 0; j < 4; j++) close(warm.model.weights[j], cold.model.weights[j], `w${j}`, 1e-5);
    assert.ok(warm.iterations < cold.iterations, `${warm.iterations} < ${cold.iterations}`);
  });

  it('scores rows with w · x + b', () => {
    const { rows } = csrOf([[1, 2], [0, -1]]);
    const scores = runSync(decisionFunction(rows, { weights: Float64Array.of(0.5, 0.25), bias: -0.1 }));
    close(scores[0], 0.9, 'row 0');
    close(scores[1], -0.35, 'row 1');
  });

  it('refuses a problem with a single class', () => {
    const { csr } = csrOf([[1], [2]]);
    assert.throws(() => runSync(trainLinearSvc(csr, Int8Array.of(1, 1), 1, DEFAULT_SVC)), /both positive and negative/);
  });
});
