/**
 * Schemas of the identifiers services pass around: a customer's tenant id
 * (GUID), a DNS domain, a market code, a role.
 * @module
 */
import * as z from 'zod';
import { parseRole, type Role } from '../access/index.js';
import { type MarketCode, parseMarket } from '../markets/index.js';
import { coreCheck, expected } from './issues.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * Schema of a Microsoft Entra tenant id (a customer's "tenant GUID"):
 * `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal, any case, not the
 * all-zero GUID. Parsed to lower case.
 *
 * @example
 * ```ts
 * import { tenantIdSchema } from 'csp-software-rules/schemas';
 *
 * tenantIdSchema.parse('4D3CF487-70F6-4C94-8A5B-A2F5C7B2C9D1'); // => '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1'
 * tenantIdSchema.safeParse('{4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1}').success; // => false
 * ```
 * @category Schemas
 */
export const tenantIdSchema = z
  .string({ error: expected('a tenant id (a GUID)') })
  .superRefine((value, ctx) => {
    if (!GUID.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected a tenant id: a GUID such as "4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1" (8-4-4-4-12 hexadecimal digits)',
      });
    } else if (value === NIL_GUID) {
      ctx.addIssue({ code: 'custom', message: 'the all-zero GUID is not a tenant id' });
    }
  })
  .transform((value) => value.toLowerCase());

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const DIGITS = /^\d+$/;

/** @internal Why `text` is not a DNS domain name, or `undefined` when it is one. */
export function domainProblem(text: string): string | undefined {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length > 253) return 'a domain name has at most 253 characters';
  const labels = name.split('.');
  if (labels.length < 2) return 'expected a domain name such as "contoso.onmicrosoft.com"';
  for (const label of labels) {
    if (!LABEL.test(label)) {
      return 'each label of a domain name has 1 to 63 letters, digits or inner hyphens (write an international name in punycode, "xn--...")';
    }
  }
  if (DIGITS.test(labels[labels.length - 1] ?? '')) {
    return 'the last label of a domain name cannot be all digits';
  }
  return undefined;
}

/**
 * Schema of a customer's DNS domain (`contoso.onmicrosoft.com`,
 * `contoso.com`): at least two labels of letters, digits and inner hyphens,
 * each 1-63 characters, 253 at most in all, a last label not all digits;
 * international names in punycode (`xn--...`). Surrounding spaces and one
 * final dot are dropped; parsed to lower case.
 *
 * @example
 * ```ts
 * import { domainSchema } from 'csp-software-rules/schemas';
 *
 * domainSchema.parse(' Contoso.OnMicrosoft.com '); // => 'contoso.onmicrosoft.com'
 * domainSchema.safeParse('contoso').success; // => false
 * domainSchema.safeParse('-contoso.com').success; // => false
 * ```
 * @category Schemas
 */
export const domainSchema = z
  .string({ error: expected('a domain name (a string)') })
  .superRefine((value, ctx) => {
    const problem = domainProblem(value.trim());
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => {
    const trimmed = value.trim().toLowerCase();
    return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  });

/**
 * Schema of a market (a country code as `./markets` reads it: ISO 3166-1
 * alpha-2 plus `XK`, or Partner Center's `XS`, `XE`, `XJ`; any case, spaces
 * ignored). Parsed to the code as Partner Center writes it, upper case.
 *
 * @example
 * ```ts
 * import { marketSchema } from 'csp-software-rules/schemas';
 *
 * marketSchema.parse(' it '); // => 'IT'
 * marketSchema.parse('xs'); // => 'XS'
 * marketSchema.safeParse('UK').error?.issues[0]?.message; // => 'unknown market code "UK"'
 * ```
 * @category Schemas
 */
export const marketSchema = z
  .string({ error: expected('a market code such as "IT" (ISO 3166-1 alpha-2)') })
  .transform((value, ctx): MarketCode => {
    return coreCheck(ctx, (field) => parseMarket(value, field).partnerCenterCode) ?? z.NEVER;
  });

/**
 * Schema of a Partner Center role: our id (`'AdminAgent'`) or Partner
 * Center's display name (`'Admin agent'`), read as `./access`'s `parseRole`
 * reads it. Parsed to our id. The message never repeats the input.
 *
 * @example
 * ```ts
 * import { roleSchema } from 'csp-software-rules/schemas';
 *
 * roleSchema.parse('Admin agent'); // => 'AdminAgent'
 * roleSchema.safeParse('Incentive admin').success; // => false
 * ```
 * @category Schemas
 */
export const roleSchema = z
  .string({ error: expected('a role name such as "Admin agent"') })
  .transform((value, ctx): Role => coreCheck(ctx, () => parseRole(value)) ?? z.NEVER);

/**
 * Schema of a list of roles (a user's roles), each read as {@link roleSchema}.
 *
 * @example
 * ```ts
 * import { rolesSchema } from 'csp-software-rules/schemas';
 *
 * rolesSchema.parse(['Admin agent', 'Billing admin']); // => ['AdminAgent', 'BillingAdmin']
 * ```
 * @category Schemas
 */
export const rolesSchema = z
  .array(roleSchema, { error: expected('a list of role names') })
  .max(1000, { error: 'expected at most 1000 roles' });
