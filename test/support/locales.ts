// The message tables this package ships: English (built into `explain`) and
// Italian (its own subpath), for tests that run over every locale.
import { EN_MESSAGES } from '../../src/explain/index.js';
import { IT_MESSAGES } from '../../src/explain/it/index.js';

export { IT_MESSAGES };
export const LOCALES = [EN_MESSAGES, IT_MESSAGES] as const;
