/**
 * Schemas of the devices `./activation` plans a KMS-to-MAK migration for.
 * @module
 */
import * as z from 'zod';
import type { Device } from '../activation/index.js';
import { expected, parseWith, type SafeParseResult, safeParseWith } from './issues.js';
import { compact, instantSchema } from './primitives.js';

/** Most devices a fleet may list (larger fleets: split them). */
const MAX_DEVICES = 1_000_000;

/**
 * Schema of a `Device` (`./activation`): a non-empty `id`, and optional
 * `lastRenewalAt` / `makActivatedAt` instants (`null` = not known). Whether
 * those dates fall before `asOf` is the rules' check, made when `asOf` is known.
 *
 * @example
 * ```ts
 * import { deviceSchema } from 'csp-software-rules/schemas';
 *
 * deviceSchema.parse({ id: 'pc-1', lastRenewalAt: '2024-01-01', makActivatedAt: null }); // => { id: 'pc-1', lastRenewalAt: '2024-01-01', makActivatedAt: null }
 * deviceSchema.safeParse({ id: '' }).success; // => false
 * ```
 * @category Schemas
 */
export const deviceSchema = z
  .object(
    {
      /** Your id for the device (host name, asset tag): a non-empty string. */
      id: z
        .string({ error: expected('a device id (a non-empty string)') })
        .min(1, { error: 'expected a device id, got an empty string' }),
      /** Its last successful KMS renewal (an instant), `null` or absent when not known. */
      lastRenewalAt: instantSchema.nullish(),
      /** When it was activated with a MAK (an instant), `null` or absent when it was not. */
      makActivatedAt: instantSchema.nullish(),
    },
    { error: expected('a device (an object with an id)') },
  )
  .transform((value): Device => compact(value));

/**
 * Schema of a fleet: a list of {@link deviceSchema} devices whose ids are
 * unique (a repeated id is an issue with code `duplicate_id`), at most 1,000,000.
 *
 * @example
 * ```ts
 * import { devicesSchema } from 'csp-software-rules/schemas';
 *
 * devicesSchema.safeParse([{ id: 'pc-1' }, { id: 'pc-1' }]).error?.issues[0]?.message; // => 'id already used by devices[0]'
 * ```
 * @category Schemas
 */
export const devicesSchema = z
  .array(deviceSchema, { error: expected('a list of devices') })
  .max(MAX_DEVICES, { error: `expected at most ${MAX_DEVICES} devices` })
  .superRefine((devices, ctx) => {
    // The first repeated id is reported, then the check stops: a fleet of
    // 100,000 copies of one device must not make 100,000 issues.
    const first = new Map<string, number>();
    for (let i = 0; i < devices.length; i++) {
      const id = (devices[i] as Device).id;
      const at = first.get(id);
      if (at === undefined) first.set(id, i);
      else {
        ctx.addIssue({
          code: 'custom',
          message: `id already used by devices[${at}]`,
          params: { code: 'duplicate_id' },
          path: [i, 'id'],
        });
        return;
      }
    }
  });

/**
 * Reads a fleet of devices from untrusted input (a CSV import, JSON).
 *
 * @param input - Anything.
 * @returns The devices, without unknown keys.
 * @throws {@link core!CspRuleError} `invalid_input` (`field` such as `devices[3].lastRenewalAt`), every problem in `details.issues`.
 * @example
 * ```ts
 * import { parseDevices } from 'csp-software-rules/schemas';
 *
 * parseDevices([{ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z', owner: 'dropped' }]); // => [{ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z' }]
 * parseDevices([{ id: 'pc-1', lastRenewalAt: '2024-01-01T08:00' }]); // => throws invalid_input
 * ```
 * @category Schemas
 */
export function parseDevices(input: unknown): Device[] {
  return parseWith(devicesSchema, input, 'devices');
}

/**
 * {@link parseDevices} without throwing.
 *
 * @param input - Anything.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParseDevices } from 'csp-software-rules/schemas';
 *
 * const r = safeParseDevices([{ id: 'pc-1' }, { id: 7 }]);
 * r.success ? '' : r.error.field; // => 'devices[1].id'
 * ```
 * @category Schemas
 */
export function safeParseDevices(input: unknown): SafeParseResult<Device[]> {
  return safeParseWith(devicesSchema, input, 'devices');
}
