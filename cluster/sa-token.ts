import { createHash, createPrivateKey, createPublicKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The API server (go-jose) accepts a token until `exp + 60 s` and rejects `iat`/`nbf` more than 60 s in the future.
 * So a token is only reliably rejected as expired when `expiresInSeconds <= -61`.
 */
export const apiServerLeewaySeconds = 60;

export interface SignedTokenClaims {
  iss: string;
  sub: string;
  aud: string[];
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  'kubernetes.io': { namespace: string; serviceaccount: { name: string; uid: string } };
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** The key id kube-apiserver derives for its signing key: base64url(sha256(DER of the PKIX public key)). */
function keyId(privateKeyPem: string): string {
  const der = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
  return b64url(createHash('sha256').update(der).digest());
}

/** Signs bound-token style claims with the ServiceAccount signing key (RS256), as TokenRequest would. */
export function signJwt(
  keyFile: string,
  claims: { issuer: string; audience: string; namespace: string; name: string; uid: string; expiresInSeconds: number },
): { token: string; claims: SignedTokenClaims } {
  const pem = readFileSync(keyFile, 'utf8');
  const now = Math.floor(Date.now() / 1000);
  const exp = now + claims.expiresInSeconds;
  // An already-expired token was "issued" ten minutes before it expired, so iat <= exp stays true.
  const iat = exp > now ? now : exp - 600;
  const payload: SignedTokenClaims = {
    iss: claims.issuer,
    sub: `system:serviceaccount:${claims.namespace}:${claims.name}`,
    aud: [claims.audience],
    iat,
    nbf: iat,
    exp,
    jti: randomUUID(),
    'kubernetes.io': { namespace: claims.namespace, serviceaccount: { name: claims.name, uid: claims.uid } },
  };
  const header = { alg: 'RS256', typ: 'JWT', kid: keyId(pem) };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), pem);
  return { token: `${input}.${b64url(signature)}`, claims: payload };
}
