// Fuzz of every public function of lifecycle (issue 10): see engine.ts and lifecycle.area.ts.

import { fuzzArea } from './engine.js';
import { spec } from './lifecycle.area.js';

fuzzArea(spec);
