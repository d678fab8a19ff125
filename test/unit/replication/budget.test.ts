import * as assert from 'assert';
import { budgetStatus, estimateComputeHours, isOverBudget } from '../../../src/core/replication/budget';

describe('replication: compute budget', () => {
  it('says when a replication runs over', () => {
    assert.strictEqual(budgetStatus({ estimatedHours: null, actualHours: 3 }).state, 'no-estimate');
    assert.strictEqual(budgetStatus({ estimatedHours: 40, actualHours: 12.5 }).text, '13 of 40 GPU-hours (31%)');
    assert.strictEqual(budgetStatus({ estimatedHours: 40, actualHours: 35 }).state, 'near');
    const over = budgetStatus({ estimatedHours: 40, actualHours: 52 });
    assert.deepStrictEqual([over.state, over.text], ['over', 'over budget: 52 of 40 GPU-hours (130%)']);
    assert.ok(isOverBudget({ estimatedHours: 1, actualHours: 1.01 }) && !isOverBudget({ estimatedHours: 1, actualHours: 1 }));
  });

  it('estimates GPU-hours from what the paper says', () => {
    assert.deepStrictEqual(estimateComputeHours('a new state of the art after training for 3.5 days on eight GPUs, a small fraction'), {
      hours: 672,
      basis: '3.5 days on eight GPUs',
    });
    assert.strictEqual(estimateComputeHours('We train on 8 V100 GPUs for 12 hours.')?.hours, 96);
    assert.strictEqual(estimateComputeHours('Pre-training takes about 200 GPU hours; fine-tuning 2 GPU-hours.')?.hours, 200);
    assert.strictEqual(estimateComputeHours('We improve accuracy by 3% in 5 days of work.'), null);
  });
});
