import { describe, expect, it } from 'vitest';
import { settings as settingsPayload } from '@/utils/payloads';
import { DEFAULT_SETTINGS, validateSettings } from '@/utils/settings';

describe('settings: sites treated as news', () => {
  it('start empty, keep a valid list, and fall back to empty for anything else on load', () => {
    expect(DEFAULT_SETTINGS.newsSites).toEqual([]);
    expect(validateSettings({ newsSites: ['wire.example'] }).newsSites).toEqual(['wire.example']);
    expect(validateSettings({ newsSites: 'wire.example' }).newsSites).toEqual([]);
    expect(validateSettings({ newsSites: [42] }).newsSites).toEqual([]);
    // Settings stored before the list existed load with it empty and everything else kept.
    const { newsSites: _, ...older } = { ...DEFAULT_SETTINGS, notifications: true };
    expect(validateSettings(older)).toEqual({ ...DEFAULT_SETTINGS, notifications: true });
  });

  it('sent by an extension page with a bad list, are refused by name rather than reset', () => {
    expect(() => settingsPayload({ ...DEFAULT_SETTINGS, newsSites: [{ host: 'x' }] })).toThrow(
      'settings.newsSites: not an allowed value',
    );
    expect(settingsPayload({ ...DEFAULT_SETTINGS, newsSites: ['wire.example'] }).newsSites).toEqual(['wire.example']);
  });
});
