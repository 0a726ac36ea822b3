import { describe, expect, it } from 'vitest';
import {
  NON_CANCELLABLE_PUBLISHERS_POLICY,
  nonCancellablePublisher,
} from '../../src/cancellation/index.js';
import { matchPublisher } from '../../src/cancellation/nonCancellablePublisher.js';
import { definePolicy } from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';
import { freshImport } from '../support/fresh.js';

describe('nonCancellablePublisher', () => {
  it('recognises the spellings of Red Hat and SUSE', () => {
    const redHat = [
      'RedHat',
      'Red Hat',
      'Red Hat, Inc.',
      'red hat inc',
      'RED-HAT',
      'Red_Hat',
      ' red   hat ',
      'Red Hat Inc. ',
      'Red Hat Ltd',
      'ＲｅｄＨａｔ',
    ];
    for (const name of redHat) expect(nonCancellablePublisher(name), name).toBe('Red Hat');
    const suse = [
      'SUSE',
      'SUSE LLC',
      'suse',
      'Suse, LLC',
      'S.U.S.E.',
      'SUSE L.L.C.',
      'SUSE GmbH',
      'SUSE®',
      'SUSE Software Solutions Germany GmbH',
    ];
    for (const name of suse) expect(nonCancellablePublisher(name), name).toBe('SUSE');
  });

  it('never matches another company', () => {
    const others = [
      'Redhatch Ltd',
      'Red Hat Training Partners',
      'Red Hats',
      'Hat Red',
      'Suseco',
      'SUSE Partner Reseller',
      'Microsoft',
      'Microsoft Corporation',
      'Inc',
      '',
      '   ',
      'Red',
      'Reds Hat',
    ];
    for (const name of others) expect(nonCancellablePublisher(name), name).toBeNull();
  });

  it('undefined is no publisher; a non-string is a caller mistake', () => {
    expect(nonCancellablePublisher(undefined)).toBeNull();
    expectRuleError(() => nonCancellablePublisher(42 as never), 'invalid_input', 'publisher');
  });

  it('keeps answering correctly past its cache size', () => {
    for (let i = 0; i < 5000; i++) expect(matchPublisher(`Vendor ${i}`)).toBeNull();
    expect(matchPublisher('Red Hat')).toBe('Red Hat');
    expect(matchPublisher('Red Hat')).toBe('Red Hat');
  });

  it('the list is a dated policy with its source', () => {
    expect(definePolicy(NON_CANCELLABLE_PUBLISHERS_POLICY)).toBe(NON_CANCELLABLE_PUBLISHERS_POLICY);
    expect(NON_CANCELLABLE_PUBLISHERS_POLICY.versions[0]?.source).toBe(
      'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
    );
  });
});

describe('the publisher aliases, read by a fresh module', () => {
  // The alias table is built on the first call and kept: a fresh instance of
  // the module (only that file is loaded again) makes this test the one that
  // builds it, so a mutation test credits it whatever ran before.
  it('SUSE Software Solutions (with or without Germany) is SUSE', async () => {
    const fresh = await freshImport<
      typeof import('../../src/cancellation/nonCancellablePublisher.js')
    >('cancellation/nonCancellablePublisher.js');
    expect(fresh.nonCancellablePublisher('SUSE Software Solutions')).toBe('SUSE');
    expect(fresh.nonCancellablePublisher('SUSE Software Solutions Germany GmbH')).toBe('SUSE');
    expect(fresh.nonCancellablePublisher('Software Solutions')).toBeNull();
  });
});
