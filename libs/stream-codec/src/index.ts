/**
 * ClassifyStream, encoded and decoded by hand on both sides: the gateway's
 * tier client (requests out, answers in) and every tier's server (requests
 * in, answers out). The same bytes and the same messages as ts-proto's code
 * (stream-codec.spec.ts compares them), without a writer that forks a buffer
 * and copies every string through TextEncoder per record, nor a reader that
 * decodes every field through TextDecoder. Every row of an upload crosses
 * this four times per tier it reaches.
 */
export { encodeStreamRequest, decodeStreamRequest } from './stream-request';
export { encodeStreamResponse, decodeStreamResponse } from './stream-response';
