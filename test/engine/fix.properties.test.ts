import { describe } from 'vitest';
import { ADAPTERS } from '../channels/properties/properties.js';
import { propertyTest } from '../channels/properties/run.js';

describe('the fixer on any input, every rule and the example brand (issue 11)', () => {
  for (const adapter of ADAPTERS) propertyTest('fixer', adapter);
});
