/**
 * The words for an exchange whose login asks for a captcha, which Barong Vault cannot show: one
 * text for the login form's notice (from identity/configs) and for the login's refusal (400
 * `identity.captcha.required`), so that the trader reads the same way forward either way.
 */
export const CAPTCHA_LOGIN = {
  message: 'This exchange asks for a captcha at login, which Barong Vault cannot show.',
  action: "Create the API key on the exchange's website instead, and import it here with Import key.",
} as const;
