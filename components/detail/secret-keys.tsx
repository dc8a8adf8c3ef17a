'use client';

import { useState } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { fetchJson, FetchError } from '@/lib/client/fetch-json';
import type { SecretKey } from '@/lib/k8s/detail-types';
import type { ApiErrorBody } from '@/lib/k8s/errors';
import { BOX, Section, TABLE, TD, TH, THEAD, TR } from './section';

// A secret's keys and sizes. A value is fetched only on an explicit click (POST …/reveal: an access review, then
// one audit line) and lives only in this component's state; "Hide" forgets it.

interface Revealed { value: string; encoding: 'utf8' | 'base64' }

export function SecretKeys({ namespace, name, keys }: { namespace: string; name: string; keys: SecretKey[] }) {
  const [shown, setShown] = useState<Record<string, Revealed>>({});
  const [error, setError] = useState<ApiErrorBody>();
  const reveal = async (key: string) => {
    setError(undefined);
    try {
      const r = await fetchJson<Revealed>(`/api/k8s/secrets/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/reveal`, {
        method: 'POST', body: JSON.stringify({ key }), headers: { 'Content-Type': 'application/json' },
      });
      setShown((s) => ({ ...s, [key]: { value: r.value, encoding: r.encoding } }));
    } catch (e) {
      setError(e instanceof FetchError ? e.body : { status: 500, reason: 'InternalError', message: 'The value could not be read.' });
    }
  };
  const hide = (key: string) => setShown(({ [key]: _gone, ...rest }) => (void _gone, rest));
  return (
    <Section id="data" title="Data" aside={`${keys.length} keys`}>
      {error && <ErrorPanel error={error} action={`cannot reveal a value of secret ${namespace}/${name}`} />}
      <div className={BOX}>
        <table className={TABLE} aria-label="Secret data">
          <thead className={THEAD}><tr><th className={TH}>KEY</th><th className={TH}>SIZE</th><th className={TH}>VALUE</th></tr></thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.key} className={TR} data-key={k.key}>
                <td className={`${TD} font-mono text-xs`}>{k.key}</td>
                <td className={TD}>{k.bytes} bytes</td>
                <td className={TD}>
                  {shown[k.key] ? (
                    <span className="flex items-start gap-2">
                      <code data-testid="secret-value" className="break-all whitespace-pre-wrap">{shown[k.key].value}</code>
                      {shown[k.key].encoding === 'base64' && <span className="text-xs text-zinc-500">(base64)</span>}
                      <button type="button" onClick={() => hide(k.key)} className="text-xs underline">Hide</button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => reveal(k.key)} className="rounded border border-zinc-300 px-2 py-0.5 text-xs dark:border-zinc-700">Reveal</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
