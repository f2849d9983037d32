/** Where Barong and Peatio live behind an OpenDAX gateway (docs/PROTOCOL.md). */
export const BARONG = '/api/v2/barong';
export const PEATIO = '/api/v2/peatio';
/** Peatio's WebSocket streams (ranger); the private one is authorised by Barong like any private call. */
export const RANGER = '/api/v2/ranger';

export const barongPaths = {
  ping: `${BARONG}/identity/ping`,
  time: `${BARONG}/identity/time`,
  publicTime: `${BARONG}/public/time`,
  configs: `${BARONG}/identity/configs`,
  sessions: `${BARONG}/identity/sessions`,
  usersMe: `${BARONG}/resource/users/me`,
  apiKeys: `${BARONG}/resource/api_keys`,
  otpGenerateQrcode: `${BARONG}/resource/otp/generate_qrcode`,
  otpEnable: `${BARONG}/resource/otp/enable`,
  otpDisable: `${BARONG}/resource/otp/disable`,
} as const;

export const peatioPaths = {
  balances: `${PEATIO}/account/balances`,
  orders: `${PEATIO}/market/orders`,
  ordersCancelAll: `${PEATIO}/market/orders/cancel`,
  trades: `${PEATIO}/market/trades`,
  markets: `${PEATIO}/public/markets`,
  timestamp: `${PEATIO}/public/timestamp`,
} as const;

export const rangerPaths = {
  private: `${RANGER}/private`,
} as const;
