import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_CHANNEL_POLICY,
  AZURE_HYBRID_BENEFIT_POLICY,
  activationMethodFor,
  azureHybridBenefitEligibility,
  azureHybridBenefitSaving,
  makRunbook,
} from '../../src/activation/index.js';
import { isCspRuleError, SOURCES } from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';

describe('activationMethodFor', () => {
  const cspRule = {
    id: 'activation.channel_methods',
    source: SOURCES.S1.url,
    effectiveFrom: '0000-01-01',
  };

  it('offers only a MAK in CSP', () => {
    expect(activationMethodFor('csp')).toEqual({
      allowed: true,
      reasons: [],
      rules: [cspRule],
      channel: 'csp',
      methods: ['mak'],
      method: 'mak',
      requested: null,
    });
    expect(activationMethodFor('CSP', { requested: 'MAK' })).toMatchObject({
      allowed: true,
      method: 'mak',
      requested: 'mak',
    });
    expect(activationMethodFor(' Cloud Solution Provider ').channel).toBe('csp');
  });

  it('refuses KMS in CSP, even on request, with a reason', () => {
    expect(activationMethodFor('csp', { requested: 'kms' })).toEqual({
      allowed: false,
      reasons: [
        { code: 'method_not_available', channel: 'csp', requested: 'kms', available: ['mak'] },
      ],
      rules: [cspRule],
      channel: 'csp',
      methods: ['mak'],
      method: 'mak',
      requested: 'kms',
    });
  });

  it('offers KMS or MAK under volume licensing', () => {
    for (const channel of ['volume_licensing', 'Volume Licensing', 'volume-licensing', 'VL']) {
      const d = activationMethodFor(channel);
      expect(d.channel).toBe('volume_licensing');
      expect(d.methods).toEqual(['kms', 'mak']);
      expect(d.method).toBe('kms');
    }
    expect(activationMethodFor('vl', { requested: 'mak' })).toMatchObject({
      allowed: true,
      method: 'mak',
    });
    expect(activationMethodFor('vl', { requested: 'kms' })).toMatchObject({
      allowed: true,
      method: 'kms',
    });
  });

  it('reads the policy on a day when asked', () => {
    expect(activationMethodFor('csp', { asOf: '2024-01-01' }).rules).toEqual([cspRule]);
    expect(activationMethodFor('csp', { asOf: '1969-12-31' }).rules).toEqual([cspRule]);
    expect(ACTIVATION_CHANNEL_POLICY.versions[0]?.value.csp).toEqual(['mak']);
  });

  it('refuses an unknown channel or method', () => {
    expectRuleError(() => activationMethodFor('retail'), 'unknown_channel', 'channel');
    expectRuleError(() => activationMethodFor(''), 'unknown_channel', 'channel');
    expectRuleError(() => activationMethodFor(42 as never), 'unknown_channel', 'channel');
    expectRuleError(
      () => activationMethodFor('csp', { requested: 'oem' }),
      'invalid_option',
      'requested',
    );
    expectRuleError(
      () => activationMethodFor('csp', { requested: 1 } as never),
      'invalid_option',
      'requested',
    );
    expectRuleError(() => activationMethodFor('csp', null as never), 'invalid_input', 'options');
    let caught: unknown;
    try {
      activationMethodFor('x'.repeat(500));
    } catch (e) {
      caught = e;
    }
    expect(isCspRuleError(caught) && caught.message.length < 200).toBe(true);
  });
});

describe('makRunbook', () => {
  it('installs the MAK then activates, elevated, with a placeholder', () => {
    expect(makRunbook({ id: 'pc-1', lastRenewalAt: '2024-01-01' })).toEqual({
      deviceId: 'pc-1',
      alreadyOnMak: false,
      elevated: true,
      keyPlaceholder: '<MAK>',
      steps: [
        { order: 1, action: 'install_key', command: 'slmgr.vbs /ipk <MAK>' },
        { order: 2, action: 'activate', command: 'slmgr.vbs /ato' },
      ],
      source: SOURCES.S7.url,
    });
    expect(makRunbook({ id: 'srv', makActivatedAt: '2024-01-01' }).alreadyOnMak).toBe(true);
    expect(makRunbook({ id: 'pc' }, { keyPlaceholder: '{{MAK}}' }).steps[0]?.command).toBe(
      'slmgr.vbs /ipk {{MAK}}',
    );
  });

  it('never takes a key, and never repeats one in an error', () => {
    const key = 'W269N-WFGWX-YVC9B-4J6C9-T83GX';
    for (const keyPlaceholder of [key, `x${key.toLowerCase()}`]) {
      let caught: unknown;
      try {
        makRunbook({ id: 'pc' }, { keyPlaceholder });
      } catch (e) {
        caught = e;
      }
      expect(isCspRuleError(caught)).toBe(true);
      if (isCspRuleError(caught)) {
        expect(caught.code).toBe('invalid_option');
        expect(JSON.stringify(caught.toJSON()).toUpperCase()).not.toContain('W269N');
      }
    }
  });

  it('property: no output ever holds a product-key-shaped string', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.stringMatching(/^[A-Za-z0-9<>{}%_-]{1,40}$/),
        (id, p) => {
          let book: ReturnType<typeof makRunbook> | undefined;
          try {
            book = makRunbook({ id }, { keyPlaceholder: p });
          } catch (e) {
            if (!isCspRuleError(e)) throw e;
            return;
          }
          const text = JSON.stringify(book.steps);
          expect(/[A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){4}/.test(text)).toBe(false);
        },
      ),
    );
  });

  it('refuses bad input', () => {
    expectRuleError(() => makRunbook({ id: '' }), 'invalid_input', 'device.id');
    expectRuleError(() => makRunbook(null as never), 'invalid_input', 'device');
    expectRuleError(() => makRunbook({ id: 'pc' }, null as never), 'invalid_input', 'options');
    for (const keyPlaceholder of ['', 'a b', 3]) {
      expectRuleError(
        () => makRunbook({ id: 'pc' }, { keyPlaceholder: keyPlaceholder as string }),
        'invalid_option',
        'keyPlaceholder',
      );
    }
  });
});

describe('azureHybridBenefitEligibility', () => {
  it('lets Datacenter reuse and Standard convert, with Software Assurance', () => {
    expect(
      azureHybridBenefitEligibility({ edition: 'datacenter', softwareAssurance: true }),
    ).toEqual({
      allowed: true,
      reasons: [],
      rules: [
        {
          id: 'activation.azure_hybrid_benefit',
          source: 'https://learn.microsoft.com/windows-server/get-started/azure-hybrid-benefit',
          effectiveFrom: '0000-01-01',
        },
      ],
      edition: 'datacenter',
      licenseUse: 'reuse',
      migrationDualUseDays: null,
    });
    expect(
      azureHybridBenefitEligibility({
        edition: 'Windows Server 2019  Standard',
        softwareAssurance: true,
      }),
    ).toMatchObject({
      allowed: true,
      edition: 'standard',
      licenseUse: 'convert',
      migrationDualUseDays: 180,
    });
    expect(
      azureHybridBenefitEligibility({
        edition: 'Windows Server 2012 R2 Datacenter',
        softwareAssurance: true,
      }).licenseUse,
    ).toBe('reuse');
    expect(
      azureHybridBenefitEligibility({
        edition: 'standard',
        softwareAssurance: false,
        subscriptionLicense: true,
      }).allowed,
    ).toBe(true);
    expect(AZURE_HYBRID_BENEFIT_POLICY.versions[0]?.value.advertisedMaxSavingRatio).toBe('0.4');
  });

  it('lists every failing reason', () => {
    expect(
      azureHybridBenefitEligibility({ edition: 'Standard', softwareAssurance: false }),
    ).toMatchObject({
      allowed: false,
      reasons: [{ code: 'software_assurance_required' }],
      licenseUse: 'convert',
    });
    expect(
      azureHybridBenefitEligibility({ edition: 'Essentials', softwareAssurance: false }),
    ).toMatchObject({
      allowed: false,
      reasons: [
        { code: 'edition_not_eligible', edition: 'Essentials' },
        { code: 'software_assurance_required' },
      ],
      edition: null,
      licenseUse: null,
      migrationDualUseDays: null,
    });
    expect(
      azureHybridBenefitEligibility({ edition: 'SQL Server Standard', softwareAssurance: true })
        .reasons,
    ).toEqual([{ code: 'edition_not_eligible', edition: 'SQL Server Standard' }]);
  });

  it('refuses bad input', () => {
    expectRuleError(() => azureHybridBenefitEligibility(null as never), 'invalid_input', 'license');
    expectRuleError(
      () => azureHybridBenefitEligibility({ edition: 3, softwareAssurance: true } as never),
      'invalid_input',
      'license.edition',
    );
    expectRuleError(
      () => azureHybridBenefitEligibility({ edition: 'standard' } as never),
      'invalid_input',
      'license.softwareAssurance',
    );
    expectRuleError(
      () =>
        azureHybridBenefitEligibility({
          edition: 'standard',
          softwareAssurance: true,
          subscriptionLicense: 'yes' as never,
        }),
      'invalid_input',
      'license.subscriptionLicense',
    );
    expect(
      azureHybridBenefitEligibility({
        edition: 'standard',
        softwareAssurance: true,
        asOf: '1969-12-31',
      }).allowed,
    ).toBe(true);
  });
});

describe('azureHybridBenefitSaving', () => {
  it('saves the licence part exactly, in money and as a ratio', () => {
    const s = azureHybridBenefitSaving({
      currency: 'EUR',
      windowsRate: '0.2',
      baseRate: '0.12',
      hours: '730',
    });
    expect(s.windowsCost).toEqual({ currency: 'EUR', minor: 14600 });
    expect(s.baseCost).toEqual({ currency: 'EUR', minor: 8760 });
    expect(s.saving).toEqual({ currency: 'EUR', minor: 5840 });
    expect(s.ratio).toBe('0.4');
    expect(s.rules[0]?.id).toBe('activation.azure_hybrid_benefit');
  });

  it('rounds each cost once (half-even by default) and reads numbers by their decimal text', () => {
    // 0.025 and 0.015 per hour for 1 hour: 2.5 and 1.5 cents, both ties.
    const even = azureHybridBenefitSaving({ currency: 'USD', windowsRate: 0.025, baseRate: 0.015 });
    expect([even.windowsCost.minor, even.baseCost.minor, even.saving.minor]).toEqual([2, 2, 0]);
    expect(even.ratio).toBe('0.4');
    const up = azureHybridBenefitSaving({
      currency: 'USD',
      windowsRate: 0.025,
      baseRate: 0.015,
      rounding: 'half_up',
    });
    expect([up.windowsCost.minor, up.baseCost.minor, up.saving.minor]).toEqual([3, 2, 1]);
    const trunc = azureHybridBenefitSaving({
      currency: 'USD',
      windowsRate: '0.0199',
      baseRate: '0.0101',
      rounding: 'truncate',
    });
    expect([trunc.windowsCost.minor, trunc.baseCost.minor]).toEqual([1, 1]);
    expect(trunc.ratio).toBe('0.492462311557…');
    expect(
      azureHybridBenefitSaving({ currency: 'JPY', windowsRate: '30', baseRate: '30' }).ratio,
    ).toBe('0');
    expect(
      azureHybridBenefitSaving({
        currency: 'KWD',
        windowsRate: '0.123',
        baseRate: '0.1',
        quantity: 2,
        hours: '0.5',
      }).saving,
    ).toEqual({ currency: 'KWD', minor: 23 });
  });

  it('property: saving = windows − base, never negative, and the ratio matches the rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 50 }),
        (w0, b0, hours, quantity) => {
          const [w, b] = w0 >= b0 ? [w0, b0] : [b0, w0];
          if (w === 0) return;
          const s = azureHybridBenefitSaving({
            currency: 'USD',
            windowsRate: `${Math.floor(w / 10000)}.${String(w % 10000).padStart(4, '0')}`,
            baseRate: `${Math.floor(b / 10000)}.${String(b % 10000).padStart(4, '0')}`,
            hours,
            quantity,
          });
          expect(s.saving.minor).toBe(s.windowsCost.minor - s.baseCost.minor);
          expect(s.saving.minor).toBeGreaterThanOrEqual(0);
          // ratio × w = w − b, up to the 12 digits shown.
          const digits = s.ratio.replace('…', '');
          expect(Math.abs(Number(digits) * w - (w - b))).toBeLessThan(1e-11 * w + 1e-6);
        },
      ),
    );
  });

  it('refuses bad input', () => {
    const ok = { currency: 'EUR', windowsRate: '0.2', baseRate: '0.1' };
    expectRuleError(() => azureHybridBenefitSaving(null as never), 'invalid_input', 'input');
    expectRuleError(() => azureHybridBenefitSaving({ ...ok, currency: 'XYZ' }), 'unknown_currency');
    expectRuleError(
      () => azureHybridBenefitSaving({ ...ok, windowsRate: '0,2' }),
      'invalid_decimal',
      'windowsRate',
    );
    expectRuleError(
      () => azureHybridBenefitSaving({ ...ok, baseRate: '0.3' }),
      'invalid_range',
      'baseRate',
    );
    expectRuleError(
      () => azureHybridBenefitSaving({ ...ok, baseRate: '-0.1' }),
      'invalid_range',
      'baseRate',
    );
    expectRuleError(
      () => azureHybridBenefitSaving({ ...ok, windowsRate: '0', baseRate: '0' }),
      'invalid_range',
      'windowsRate',
    );
    expectRuleError(() => azureHybridBenefitSaving({ ...ok, hours: -1 }), 'invalid_range', 'hours');
    expectRuleError(
      () => azureHybridBenefitSaving({ ...ok, quantity: 0 }),
      'invalid_quantity',
      'quantity',
    );
    expectRuleError(
      () => azureHybridBenefitSaving({ ...ok, rounding: 'up' as never }),
      'invalid_rounding',
    );
  });
});
