import type { ObjectDetail } from '@/lib/k8s/detail-types';
import { AnnotationList } from './annotation-list';
import { FieldList } from './field-list';
import { LabelChips } from './label-chips';
import { Section } from './section';
import { Timestamp } from './timestamp';

/** Created, uid, resourceVersion, labels and annotations. */
export function MetadataSection({ detail, now }: { detail: ObjectDetail; now: number }) {
  return (
    <Section id="metadata" title="Metadata">
      <FieldList
        label="Metadata"
        fields={[
          ['Created', detail.created ? <Timestamp iso={detail.created} now={now} /> : '<unknown>'],
          ['UID', <span key="uid" className="font-mono text-xs">{detail.uid}</span>],
          ['Resource version', <span key="rv" className="font-mono text-xs">{detail.resourceVersion ?? '<unknown>'}</span>],
          ['Labels', <LabelChips key="labels" labels={detail.labels} label="Labels" />],
          ['Annotations', <AnnotationList key="annotations" annotations={detail.annotations} />],
        ]}
      />
    </Section>
  );
}
