/**
 * The signing agent's wire protocol in numbers, apart from its schemas (wire.ts): a client such as
 * `barong-vault sign --key` speaks the protocol with these alone and starts without loading zod.
 */
export const WIRE_VERSION = 1;
/** The longest request line a client sends; a longer one closes the connection. */
export const WIRE_MAX_LINE_BYTES = 64 * 1024;
/** The longest answer a client reads: a vault's whole key list fits (about 300 bytes a key), a runaway peer does not. */
export const WIRE_MAX_ANSWER_BYTES = 16 * 1024 * 1024;
export const AGENT_TOKEN_HEX_LENGTH = 64;
export const CLIENT_NAME_MAX = 100;
