/**
 * `text` with every occurrence of `secret` replaced. Error bodies are the
 * remote server's words: a proxy or a misbehaving Groq-compatible server may
 * echo the Authorization header back, and those words become row reasons,
 * log lines and gRPC details. Plain string search: never a RegExp built from
 * the secret.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || !text.includes(secret)) return text;
  return text.split(secret).join('[redacted]');
}
