// Fuzz of every public function of lifecycle (issue 10): see engine.ts and areas/lifecycle.ts.

import { spec } from './areas/lifecycle.js';
import { fuzzArea } from './engine.js';

fuzzArea(spec);
