export function createSelfSignedCertificate(options?: { commonName?: string; altNames?: string[]; days?: number; now?: Date }): {
  key: string;
  cert: string;
  fingerprint256: string;
};
