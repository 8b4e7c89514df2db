import { dclSettingsOf } from './dcl-settings';

describe('dclSettingsOf', () => {
  it('reads the mode, and anything missing or unknown as aam', () => {
    expect(dclSettingsOf({ dcl: { mode: 'legacy' } })).toEqual({ mode: 'legacy' });
    expect(dclSettingsOf({ dcl: { mode: 'aam' } })).toEqual({ mode: 'aam' });
    expect(dclSettingsOf({ dcl: { mode: 'sideways' } })).toEqual({ mode: 'aam' });
    expect(dclSettingsOf({ llm: { enabled: false } })).toEqual({ mode: 'aam' });
    expect(dclSettingsOf(null)).toEqual({ mode: 'aam' });
  });
});
