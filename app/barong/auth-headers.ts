/**
 * The three headers Barong reads for API-key authentication, in the order it checks them. A
 * module of its own, with no Node import, so the renderer can use the type.
 */
export interface AuthHeaders {
  'X-Auth-Apikey': string;
  'X-Auth-Nonce': string;
  'X-Auth-Signature': string;
}
