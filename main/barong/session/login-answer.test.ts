import { describe, expect, it } from 'vitest';
import { parseConfigs } from './login-answer';

describe('identity/configs as the app reads it', () => {
  it('reads the idle expiry and the captcha type', () => {
    expect(parseConfigs({ session_expire_time: 1800, captcha_type: 'recaptcha', password_min_entropy: 14 })).toEqual({
      idleExpirySeconds: 1800,
      captchaType: 'recaptcha',
    });
    // Barong's environment values can arrive as strings.
    expect(parseConfigs({ session_expire_time: '900', captcha_type: 'none' })).toEqual({ idleExpirySeconds: 900, captchaType: 'none' });
  });

  it('drops a malformed field on its own, keeping the other', () => {
    expect(parseConfigs({ session_expire_time: -5, captcha_type: 'geetest' })).toEqual({ idleExpirySeconds: undefined, captchaType: 'geetest' });
    expect(parseConfigs({ session_expire_time: 60, captcha_type: { kind: 'recaptcha' } })).toEqual({ idleExpirySeconds: 60, captchaType: undefined });
    expect(parseConfigs({ session_expire_time: 60, captcha_type: 'x'.repeat(65) })).toEqual({ idleExpirySeconds: 60, captchaType: undefined });
    expect(parseConfigs({})).toEqual({ idleExpirySeconds: undefined, captchaType: undefined });
  });

  it('reads nothing from a body that is not an object', () => {
    for (const body of [null, 'configs', 42, ['none']]) expect(parseConfigs(body)).toBeUndefined();
  });
});
