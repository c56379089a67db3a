import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { encodeRpcStatus } from './rpc-status';

/** A message's fields by number, as a protobuf reader sees them (varints as numbers, length-delimited as bytes). */
function fields(bytes: Uint8Array): Map<number, (number | Uint8Array)[]> {
  const out = new Map<number, (number | Uint8Array)[]>();
  const r = new BinaryReader(bytes);
  while (r.pos < r.len) {
    const [no, type] = r.tag();
    const value = type === WireType.Varint ? Number(r.int64()) : type === WireType.LengthDelimited ? r.bytes() : (r.skip(type), -1);
    out.set(no, [...(out.get(no) ?? []), value]);
  }
  return out;
}

const text = (v: number | Uint8Array | undefined) => new TextDecoder().decode(v as Uint8Array);

describe('google.rpc.Status as the OTLP error answers carry it (field numbers of google/rpc/status.proto and error_details.proto)', () => {
  it('code 1, message 2, details 3 = Any{type_url 1: RetryInfo, value 2: RetryInfo{retry_delay 1: Duration{seconds 1}}}', () => {
    const status = fields(encodeRpcStatus('RESOURCE_EXHAUSTED', 'full: retry – später', 300));
    expect(status.get(1)).toEqual([8]);
    expect(text(status.get(2)?.[0])).toBe('full: retry – später');
    expect(status.get(3)).toHaveLength(1);
    const any = fields(status.get(3)?.[0] as Uint8Array);
    expect(text(any.get(1)?.[0])).toBe('type.googleapis.com/google.rpc.RetryInfo');
    const retryInfo = fields(any.get(2)?.[0] as Uint8Array);
    expect(fields(retryInfo.get(1)?.[0] as Uint8Array).get(1)).toEqual([300]);
  });

  it('without a delay: no details', () => {
    const status = fields(encodeRpcStatus('INVALID_ARGUMENT', 'bad'));
    expect([...status.keys()]).toEqual([1, 2]);
    expect(status.get(1)).toEqual([3]);
  });
});
