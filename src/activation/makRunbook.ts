/**
 * The commands that put a device on a MAK, for tools that print runbooks.
 * @module
 */
import { asRecord, describeType, fail, S7_URL } from '../core/internal.js';
import type { Device } from './device.js';

/** What a runbook shows where the key goes, unless the caller picks another placeholder. */
const DEFAULT_KEY_PLACEHOLDER = '<MAK>';

/** Five groups of five letters or digits: the shape of a product key. */
const PRODUCT_KEY_RE = /[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}/;

/**
 * One step of a {@link MakRunbook}.
 * @category Activation
 */
export interface MakRunbookStep {
  /** 1-based position. */
  readonly order: number;
  /** What the step does: install the MAK, then activate it online. */
  readonly action: 'install_key' | 'activate';
  /** The command to type, with the key placeholder in place of the key. */
  readonly command: string;
}

/**
 * Options of {@link makRunbook}.
 * @category Activation
 */
export interface MakRunbookOptions {
  /**
   * The text standing for the key in the commands (default `'<MAK>'`), e.g.
   * `'%MAK%'` for a batch file. Never a key: anything shaped like one is refused.
   */
  readonly keyPlaceholder?: string;
}

/**
 * The runbook for one device.
 * @category Activation
 */
export interface MakRunbook {
  /** The device's id. */
  readonly deviceId: string;
  /** Whether the device already has a MAK activation (the steps then re-activate it). */
  readonly alreadyOnMak: boolean;
  /** The commands need an elevated (Run as administrator) command prompt. */
  readonly elevated: true;
  /** The placeholder used for the key. */
  readonly keyPlaceholder: string;
  /** `slmgr.vbs /ipk <MAK>`, then `slmgr.vbs /ato`. */
  readonly steps: readonly MakRunbookStep[];
  /** Where the commands are documented. */
  readonly source: string;
}

/**
 * The `slmgr.vbs` steps that put a device on a MAK, in an elevated command
 * prompt: install the key (`/ipk`), then activate online (`/ato`). The key
 * itself is never passed to or returned by the library: the commands carry a
 * placeholder for the administrator or their tooling to fill in.
 *
 * @param device - The device (`{ id }`; `makActivatedAt` sets `alreadyOnMak`).
 * @param options - `{ keyPlaceholder = '<MAK>' }`.
 * @returns The runbook.
 * @throws {@link core!CspRuleError} `invalid_input` (not an object, no id), `invalid_option`
 *   (an empty placeholder, one with spaces, or one shaped like a product key).
 * @example
 * ```ts
 * import { makRunbook } from 'csp-software-rules/activation';
 *
 * const book = makRunbook({ id: 'pc-1' });
 * book.steps.map((s) => s.command); // => ['slmgr.vbs /ipk <MAK>', 'slmgr.vbs /ato']
 * book.elevated; // => true
 * makRunbook({ id: 'pc-1' }, { keyPlaceholder: '%MAK%' }).steps[0]?.command; // => 'slmgr.vbs /ipk %MAK%'
 * makRunbook({ id: 'pc-1' }, { keyPlaceholder: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }); // => throws invalid_option
 * ```
 * @see https://learn.microsoft.com/windows-server/get-started/activation-slmgr-vbs-options
 * @category Activation
 */
export function makRunbook(device: Device, options: MakRunbookOptions = {}): MakRunbook {
  const d = asRecord(device, 'device');
  const id = d['id'];
  if (typeof id !== 'string' || id === '') {
    fail(
      'invalid_input',
      'device.id',
      `device.id: expected a non-empty string, got ${describeType(id)}`,
    );
  }
  const o = asRecord(options, 'options');
  const placeholder = o['keyPlaceholder'] ?? DEFAULT_KEY_PLACEHOLDER;
  if (typeof placeholder !== 'string' || placeholder === '' || /\s/.test(placeholder)) {
    fail(
      'invalid_option',
      'keyPlaceholder',
      'keyPlaceholder: expected a non-empty placeholder without spaces',
    );
  }
  if (PRODUCT_KEY_RE.test(placeholder)) {
    // The message never repeats the value: it may be a real key.
    fail(
      'invalid_option',
      'keyPlaceholder',
      'keyPlaceholder: looks like a product key; pass a placeholder, never the key',
    );
  }
  const mak = d['makActivatedAt'];
  return {
    deviceId: id,
    alreadyOnMak: mak !== undefined && mak !== null,
    elevated: true,
    keyPlaceholder: placeholder,
    steps: [
      { order: 1, action: 'install_key', command: `slmgr.vbs /ipk ${placeholder}` },
      { order: 2, action: 'activate', command: 'slmgr.vbs /ato' },
    ],
    source: S7_URL,
  };
}
