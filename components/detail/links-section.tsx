import type { LinkGroup } from '@/lib/k8s/detail-types';
import { FieldList } from './field-list';
import { ObjectLink } from './object-link';
import { Section } from './section';

/** Objects this one points at (an ingress's services, a claim's volume, a CRD's objects), linked. */
export function LinksSection({ groups, namespace }: { groups: LinkGroup[]; namespace?: string }) {
  if (!groups.length) return null;
  return (
    <Section id="related" title="Related">
      <FieldList
        label="Related"
        fields={groups.map((g) => [g.label, (
          <span key={g.label} className="flex flex-wrap gap-x-3">
            {g.links.map((l) => <ObjectLink key={`${l.kind}/${l.name}`} {...l} namespace={l.namespace ?? namespace} />)}
          </span>
        )])}
      />
    </Section>
  );
}
