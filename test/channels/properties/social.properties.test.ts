import { describe } from 'vitest';
import { ADAPTERS } from './properties.js';
import { propertyTest } from './run.js';

describe('social adapters on any input (issue 11)', () => {
  for (const adapter of ADAPTERS.filter((candidate) => candidate.channel === 'social')) propertyTest('adapter', adapter);
});
