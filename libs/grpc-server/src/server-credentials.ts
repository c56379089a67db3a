import { readFileSync } from 'node:fs';
import { ServerCredentials } from '@grpc/grpc-js';

export interface ServerTlsFiles {
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /** When set, clients must present a certificate signed by this CA (mutual TLS). */
  tlsClientCaFile?: string;
}

/** Plaintext unless a certificate and key are configured; a half-configured TLS is an error, never a silent fallback. */
export function serverCredentialsFrom(files: ServerTlsFiles): ServerCredentials {
  const { tlsCertFile, tlsKeyFile, tlsClientCaFile } = files;
  if (!tlsCertFile && !tlsKeyFile) {
    if (tlsClientCaFile) throw new Error('a client CA is configured but no server certificate/key: mutual TLS needs TLS');
    return ServerCredentials.createInsecure();
  }
  if (!tlsCertFile || !tlsKeyFile) throw new Error('TLS needs both a certificate file and a key file');
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new Error(`cannot read TLS ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  };
  const clientCa = tlsClientCaFile ? read(tlsClientCaFile, 'client CA') : null;
  return ServerCredentials.createSsl(
    clientCa,
    [{ cert_chain: read(tlsCertFile, 'certificate'), private_key: read(tlsKeyFile, 'key') }],
    clientCa !== null,
  );
}
