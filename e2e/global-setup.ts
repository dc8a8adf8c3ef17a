import { ensureClusterUp } from '../cluster/state';

// The e2e tests stand on the real local control plane: start it, or reuse the one that is up.
export default async function globalSetup() {
  await ensureClusterUp({ quiet: true });
}
