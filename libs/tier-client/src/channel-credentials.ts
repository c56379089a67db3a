import { readFileSync } from 'node:fs';
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';

export interface ClientTlsFiles {
  /** CA bundle that signed the server's certificate; setting it turns TLS on. */
  tlsCaFile?: string;
  /** Client certificate and key, for servers that require mutual TLS. */
  tlsCertFile?: string;
  tlsKeyFile?: string;
}

/** Plaintext unless a CA is configured. A client certificate without its key (or the reverse) is an error. */
export function channelCredentialsFrom(files: ClientTlsFiles): ChannelCredentials {
  const { tlsCaFile, tlsCertFile, tlsKeyFile } = files;
  if (Boolean(tlsCertFile) !== Boolean(tlsKeyFile)) throw new Error('a client TLS certificate needs its key, and the reverse');
  if (!tlsCaFile) {
    if (tlsCertFile) throw new Error('a client TLS certificate is configured but no CA to verify the server');
    return credentials.createInsecure();
  }
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new Error(`cannot read TLS ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  };
  return credentials.createSsl(
    read(tlsCaFile, 'CA'),
    tlsKeyFile ? read(tlsKeyFile, 'key') : null,
    tlsCertFile ? read(tlsCertFile, 'certificate') : null,
  );
}
