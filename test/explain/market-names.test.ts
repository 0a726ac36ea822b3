// A market in an explanation is named as Partner Center names it: Saba (XS)
// and Sint Eustatius (XE) share Bonaire's ISO code BQ.
import { describe, expect, it } from 'vitest';
import { explainReason } from '../../src/explain/index.js';
import { IT_MESSAGES } from '../../src/explain/it/index.js';
import { azureReservationAvailability } from '../../src/markets/index.js';

describe('explaining reservations_not_sold_in_market', () => {
  it('names the place the caller asked about, not the one its ISO code stands for', () => {
    const [saba] = azureReservationAvailability('XS').reasons;
    expect(explainReason(saba as never).text).toBe(
      'Azure reservations are not available in Saba (XS).',
    );
    expect(explainReason(saba as never, { locale: IT_MESSAGES }).text).toBe(
      'Le prenotazioni di Azure non sono disponibili nel mercato Saba (XS).',
    );
    const [bonaire] = azureReservationAvailability('BQ').reasons;
    expect(explainReason(bonaire as never).text).toBe(
      'Azure reservations are not available in Bonaire (BQ).',
    );
  });
  it('falls back to the ISO code for a reason written before partnerCenterCode existed', () => {
    const reason = { code: 'reservations_not_sold_in_market', market: 'BQ' };
    expect(explainReason(reason as never).text).toBe(
      'Azure reservations are not available in Bonaire (BQ).',
    );
  });
});
